import ast

from aiohttp import web

FLAGS = {"new_checkout": False, "beta_banner": True}


async def set_flag(request):
    data = await request.json()
    name = data["name"]
    value = ast.literal_eval(data["value"])  # safe: ast.literal_eval only accepts literals
    FLAGS[name] = value
    return web.json_response({"name": name, "value": value})


app = web.Application()
app.router.add_put("/flags", set_flag)
