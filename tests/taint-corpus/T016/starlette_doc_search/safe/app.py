import re

from starlette.applications import Starlette
from starlette.responses import JSONResponse
from starlette.routing import Route

DOCS = {"intro": "Welcome to the API.", "auth": "Use a bearer token.", "limits": "1000 requests per hour."}


async def search(request):
    p = re.escape(request.query_params.get("p", ""))  # safe: re.escape
    found = [name for name, text in DOCS.items() if re.search(p, text)]
    return JSONResponse({"found": found})


app = Starlette(routes=[Route("/docs/search", search)])
