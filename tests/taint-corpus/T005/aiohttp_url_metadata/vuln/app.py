from urllib.parse import urlparse

import aiohttp
from aiohttp import web

METADATA_HOSTS = {"vimeo.com", "www.youtube.com"}


async def metadata(request):
    url = request.query.get("url", "")
    async with aiohttp.ClientSession() as session:
        async with session.get(url) as resp:  # vuln: query param as the fetched URL
            html = await resp.text()
    return web.json_response({"url": url, "size": len(html)})


app = web.Application()
app.router.add_get("/metadata", metadata)
