from jinja2 import Environment
from starlette.applications import Starlette
from starlette.responses import HTMLResponse
from starlette.routing import Route

jinja_env = Environment(autoescape=True)


async def greet(request):
    greeting = request.query_params.get("greeting", "Hello")
    user = request.query_params.get("user", "there")
    page = jinja_env.from_string(greeting + ", {{ user }}!").render(user=user)  # vuln: query param in the template source
    return HTMLResponse(page)


app = Starlette(routes=[Route("/greet", greet)])
