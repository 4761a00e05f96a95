import html

from aiohttp import web


async def hello(request):
    name = html.escape(request.match_info.get("name", "anonymous"))  # safe: html.escape
    return web.Response(text=f"<h1>Hello {name}</h1>", content_type="text/html")


app = web.Application()
app.add_routes([web.get("/hello/{name}", hello)])
