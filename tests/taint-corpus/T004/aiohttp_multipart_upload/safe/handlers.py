import os

from aiohttp import web

from .store import save_part


async def upload(request):
    reader = await request.multipart()
    saved = []
    while True:
        part = await reader.next()
        if part is None:
            break
        if part.filename:
            data = await part.read()
            saved.append(save_part(os.path.basename(part.filename), data))  # safe: basename drops directories
    return web.json_response({"saved": saved})
