from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.middleware.sessions import SessionMiddleware
from starlette.responses import PlainTextResponse, RedirectResponse
from starlette.routing import Route

THEMES = {"light", "dark"}


async def set_theme(request):
    theme = request.query_params.get("theme", "light")
    if theme not in THEMES:  # safe: allow-list guard
        return PlainTextResponse("bad theme", status_code=400)
    request.session["theme"] = theme
    return RedirectResponse("/", status_code=303)


async def home(request):
    return PlainTextResponse(f"theme={request.session.get('theme', 'light')}")


app = Starlette(
    routes=[Route("/", home), Route("/theme", set_theme)],
    middleware=[Middleware(SessionMiddleware, secret_key="replace-me")],
)
