from aiohttp import web

from session_utils import store_plan


async def choose_plan(request):
    data = await request.post()
    plan = data.get("plan", "free")
    await store_plan(request, plan)
    raise web.HTTPSeeOther("/billing")


app = web.Application()
app.router.add_post("/plan", choose_plan)
