from markupsafe import escape
from starlette.applications import Starlette
from starlette.responses import HTMLResponse
from starlette.routing import Route


async def search(request):
    q = request.query_params.get("q", "")
    page = "<h1>Search</h1><p>No results for <b>%s</b></p>" % escape(q)  # safe: markupsafe.escape
    return HTMLResponse(page)


app = Starlette(routes=[Route("/search", search)])
