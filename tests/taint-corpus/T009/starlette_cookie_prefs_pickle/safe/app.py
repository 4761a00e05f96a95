import base64
import json
import pickle

from starlette.applications import Starlette
from starlette.responses import JSONResponse
from starlette.routing import Route


async def preferences(request):
    raw = request.cookies.get("prefs")
    prefs = {"theme": "light"}
    if raw:
        prefs = json.loads(base64.urlsafe_b64decode(raw))  # safe: json.loads
    return JSONResponse(prefs)


app = Starlette(routes=[Route("/preferences", preferences)])
