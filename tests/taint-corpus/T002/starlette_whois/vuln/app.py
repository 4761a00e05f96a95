import subprocess

from starlette.applications import Starlette
from starlette.responses import PlainTextResponse
from starlette.routing import Route


async def whois(request):
    domain = request.path_params["domain"]
    text = subprocess.getoutput(f"whois {domain} | head -n 40")  # vuln: path param in a shell command
    return PlainTextResponse(text)


app = Starlette(routes=[Route("/whois/{domain}", whois)])
