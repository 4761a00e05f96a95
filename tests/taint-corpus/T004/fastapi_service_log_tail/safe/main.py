from fastapi import FastAPI, HTTPException

from logs import tail

app = FastAPI()
SERVICES = {"api", "worker", "scheduler", "nginx"}


@app.get("/logs/{service}")
def service_log(service: str, lines: int = 100):
    if service not in SERVICES:  # safe: allow-list guard
        raise HTTPException(status_code=404)
    return {"service": service, "lines": tail(service, min(lines, 1000))}
