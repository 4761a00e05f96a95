import re

from aiohttp import web

SKUS = ["AB1001", "AB1002", "CD2001", "EF3001"]


async def skus(request):
    prefix = re.escape(request.match_info["prefix"])  # safe: re.escape
    matching = [s for s in SKUS if re.match(prefix + r"\d+$", s)]
    return web.json_response(matching)


app = web.Application()
app.router.add_get("/skus/{prefix}", skus)
