import uuid

from starlette.applications import Starlette
from starlette.responses import PlainTextResponse
from starlette.routing import Route


async def ping(request):
    correlation = request.headers.get("x-correlation-id") or str(uuid.uuid4())
    response = PlainTextResponse("pong")
    response.headers["X-Correlation-ID"] = correlation  # vuln: request header copied into a response header
    return response


app = Starlette(routes=[Route("/ping", ping)])
