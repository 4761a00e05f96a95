import asyncio

from fastapi import FastAPI

app = FastAPI()


@app.get("/tools/nslookup")
async def nslookup(host: str):
    proc = await asyncio.create_subprocess_exec(  # safe: exec with an argument list, no shell
        "nslookup", host,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.STDOUT,
    )
    out, _ = await proc.communicate()
    return {"host": host, "output": out.decode()}
