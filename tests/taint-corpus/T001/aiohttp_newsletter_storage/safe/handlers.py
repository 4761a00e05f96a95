from aiohttp import web

from .storage import subscribe


async def signup(request):
    form = await request.post()
    email = form.get("email", "")
    if "@" not in email:
        return web.json_response({"error": "invalid email"}, status=400)
    record = {"email": email, "list": "weekly-digest"}
    subscribe(record)
    return web.json_response({"subscribed": True})


def setup(app):
    app.router.add_post("/newsletter", signup)
