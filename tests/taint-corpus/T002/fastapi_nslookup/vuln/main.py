import asyncio

from fastapi import FastAPI

app = FastAPI()


@app.get("/tools/nslookup")
async def nslookup(host: str):
    proc = await asyncio.create_subprocess_shell(
        f"nslookup {host}",  # vuln: query param in a shell command
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.STDOUT,
    )
    out, _ = await proc.communicate()
    return {"host": host, "output": out.decode()}
