import contextlib
import io

from starlette.applications import Starlette
from starlette.responses import PlainTextResponse
from starlette.routing import Route


async def console(request):
    form = await request.form()
    script = form.get("script", "")
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        exec(compile(script, "<console>", "exec"), {})  # vuln: form field executed
    return PlainTextResponse(out.getvalue())


app = Starlette(routes=[Route("/admin/console", console, methods=["POST"])])
