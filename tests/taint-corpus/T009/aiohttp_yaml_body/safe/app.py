import yaml
from aiohttp import web


async def import_inventory(request):
    text = await request.text()
    hosts = yaml.load(text, Loader=yaml.SafeLoader)  # safe: SafeLoader
    request.app["inventory"].update(hosts or {})
    return web.json_response({"hosts": len(hosts or {})})


app = web.Application()
app["inventory"] = {}
app.router.add_post("/inventory", import_inventory)
