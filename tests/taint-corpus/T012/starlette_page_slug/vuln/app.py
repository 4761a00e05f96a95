from lxml import etree
from starlette.applications import Starlette
from starlette.responses import HTMLResponse, PlainTextResponse
from starlette.routing import Route

SITE = etree.parse("site.xml")


async def page(request):
    slug = request.path_params["slug"]
    nodes = SITE.xpath(f"//page[@slug='{slug}']/body")  # vuln: path param in an XPath expression
    if not nodes:
        return PlainTextResponse("not found", status_code=404)
    return HTMLResponse(etree.tostring(nodes[0], encoding="unicode"))


app = Starlette(routes=[Route("/p/{slug}", page)])
