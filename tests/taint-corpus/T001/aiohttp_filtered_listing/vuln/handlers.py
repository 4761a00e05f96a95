from aiohttp import web

from .db import list_tasks

FILTERABLE = ("status", "owner", "project")


async def tasks(request):
    filters = {}
    for key in FILTERABLE:
        if key in request.query:
            filters[key] = request.query[key]
    rows = await list_tasks(request.app["pool"], filters)
    return web.json_response([dict(r) for r in rows])
