import jinja2
from aiohttp import web


async def signature_preview(request):
    data = await request.post()
    signature = data.get("signature", "")
    html = jinja2.Template("<div class='mail'>{{ body }}<hr>" + signature + "</div>").render(body="(message body)")  # vuln: form field in the template source
    return web.Response(text=html, content_type="text/html")


app = web.Application()
app.router.add_post("/settings/signature/preview", signature_preview)
