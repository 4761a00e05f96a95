import html

from aiohttp import web


async def hello(request):
    name = request.match_info.get("name", "anonymous")
    return web.Response(text=f"<h1>Hello {name}</h1>", content_type="text/html")  # vuln: path segment in HTML


app = web.Application()
app.add_routes([web.get("/hello/{name}", hello)])
