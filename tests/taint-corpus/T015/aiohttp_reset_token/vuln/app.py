from aiohttp import web
from pymongo import MongoClient

users = MongoClient()["app"]["users"]


async def reset_password(request):
    data = await request.json()
    user = users.find_one({"reset_token": data["token"]})  # vuln: JSON value (can be an operator dict) in a query
    if user is None:
        raise web.HTTPForbidden()
    users.update_one({"_id": user["_id"]}, {"$set": {"password": data["new_password"]}, "$unset": {"reset_token": ""}})
    return web.json_response({"ok": True})


app = web.Application()
app.router.add_post("/password/reset", reset_password)
