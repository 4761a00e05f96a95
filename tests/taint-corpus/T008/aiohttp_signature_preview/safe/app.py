import jinja2
from aiohttp import web


async def signature_preview(request):
    data = await request.post()
    signature = data.get("signature", "")
    html = jinja2.Template("<div class='mail'>{{ body }}<hr>{{ signature }}</div>", autoescape=True).render(body="(message body)", signature=signature)  # safe: constant template, data as a context variable
    return web.Response(text=html, content_type="text/html")


app = web.Application()
app.router.add_post("/settings/signature/preview", signature_preview)
