import os

from aiohttp import web

FILES = os.path.realpath("/srv/files")


async def download(request):
    name = request.match_info["name"]
    path = os.path.realpath(os.path.join(FILES, name))
    with open(path, "rb") as fh:  # vuln: path segment in a file path
        body = fh.read()
    return web.Response(body=body, content_type="application/octet-stream")


app = web.Application()
app.router.add_get("/files/{name:.+}", download)
