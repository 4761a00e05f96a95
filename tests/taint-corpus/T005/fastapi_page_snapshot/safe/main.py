from urllib.parse import urlparse

import httpx
from fastapi import FastAPI, HTTPException

app = FastAPI()
SNAPSHOT_HOSTS = {"example.com", "www.example.com", "docs.example.com"}


@app.get("/snapshot")
async def snapshot(url: str):
    if urlparse(url).hostname not in SNAPSHOT_HOSTS:  # safe: host allow-list guard
        raise HTTPException(status_code=400, detail="host not allowed")
    async with httpx.AsyncClient(timeout=10) as client:
        resp = await client.get(url)
    return {"url": url, "status": resp.status_code, "length": len(resp.content)}
