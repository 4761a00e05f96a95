from aiohttp import web
from aiohttp_session import get_session


async def set_nickname(request):
    session = await get_session(request)
    data = await request.post()
    nickname = data.get("nickname", "")
    if not nickname.isalnum():  # safe: isalnum guard
        raise web.HTTPBadRequest()
    session["nickname"] = nickname
    raise web.HTTPSeeOther("/chat")


app = web.Application()
app.router.add_post("/nickname", set_nickname)
