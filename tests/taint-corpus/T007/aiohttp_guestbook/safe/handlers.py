import html

from aiohttp import web

from .render import render_entries

ENTRIES = []


async def sign(request):
    data = await request.post()
    ENTRIES.append({"name": html.escape(data.get("name", "anon")), "message": html.escape(data.get("message", ""))})  # safe: html.escape
    body = render_entries(ENTRIES[-50:])
    return web.Response(text=body, content_type="text/html")
