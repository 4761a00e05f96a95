import shlex
import subprocess

from starlette.applications import Starlette
from starlette.responses import PlainTextResponse
from starlette.routing import Route


async def whois(request):
    domain = shlex.quote(request.path_params["domain"])  # safe: shlex.quote
    text = subprocess.getoutput(f"whois {domain} | head -n 40")
    return PlainTextResponse(text)


app = Starlette(routes=[Route("/whois/{domain}", whois)])
