from aiohttp import web
from aiohttp_session import new_session


async def login_and_redirect(request, user_id, target):
    session = await new_session(request)
    session["user_id"] = user_id
    raise web.HTTPFound(location=target)  # vuln: form field redirected to
