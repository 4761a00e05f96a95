from motor.motor_asyncio import AsyncIOMotorClient
from starlette.applications import Starlette
from starlette.responses import JSONResponse
from starlette.routing import Route

keys = AsyncIOMotorClient("mongodb://localhost")["billing"]["api_keys"]


async def check_key(request):
    data = await request.json()
    doc = await keys.find_one({"api_key": data.get("api_key"), "active": True})  # vuln: JSON value (can be an operator dict) in a query
    return JSONResponse({"valid": doc is not None})


app = Starlette(routes=[Route("/keys/check", check_key, methods=["POST"])])
