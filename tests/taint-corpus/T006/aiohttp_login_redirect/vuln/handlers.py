from aiohttp import web

from .auth import check_credentials
from .sessions import login_and_redirect


async def login(request):
    data = await request.post()
    user_id = await check_credentials(request.app["db"], data["login"], data["password"])
    if user_id is None:
        raise web.HTTPUnauthorized(text="bad credentials")
    target = data.get("redirect", "/")
    await login_and_redirect(request, user_id, target)
