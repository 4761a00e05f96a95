from starlette.applications import Starlette
from starlette.responses import PlainTextResponse, RedirectResponse
from starlette.routing import Route


async def homepage(request):
    return PlainTextResponse("home")


async def logout(request):
    request.session.clear()
    next_url = request.query_params.get("next", "/")
    return RedirectResponse(url=next_url, status_code=303)  # vuln: query param redirected to


app = Starlette(routes=[Route("/", homepage, name="homepage"), Route("/logout", logout)])
