import aiohttp
from aiohttp import web

from notifier import Notifier

CHANNELS = {
    "ops": "https://hooks.example.com/services/ops",
    "sales": "https://hooks.example.com/services/sales",
}


async def notify(request):
    data = await request.json()
    url = data.get("channel", CHANNELS["ops"])
    async with aiohttp.ClientSession() as session:
        status = await Notifier(session).send(url, data.get("message", ""))
    return web.json_response({"status": status})


app = web.Application()
app.router.add_post("/notify", notify)
