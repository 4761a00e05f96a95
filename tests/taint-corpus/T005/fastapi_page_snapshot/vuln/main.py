from urllib.parse import urlparse

import httpx
from fastapi import FastAPI, HTTPException

app = FastAPI()
SNAPSHOT_HOSTS = {"example.com", "www.example.com", "docs.example.com"}


@app.get("/snapshot")
async def snapshot(url: str):
    async with httpx.AsyncClient(timeout=10) as client:
        resp = await client.get(url)  # vuln: query param as the fetched URL
    return {"url": url, "status": resp.status_code, "length": len(resp.content)}
