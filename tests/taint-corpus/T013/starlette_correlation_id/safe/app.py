import uuid

from starlette.applications import Starlette
from starlette.responses import PlainTextResponse
from starlette.routing import Route


async def ping(request):
    correlation = str(uuid.UUID(request.headers.get("x-correlation-id") or str(uuid.uuid4())))  # safe: must parse as a UUID
    response = PlainTextResponse("pong")
    response.headers["X-Correlation-ID"] = correlation
    return response


app = Starlette(routes=[Route("/ping", ping)])
