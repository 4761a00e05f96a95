from aiohttp import web

BACK_TARGETS = {"/", "/orders", "/account"}


async def cancel(request):
    back = request.query.get("back", "/")
    raise web.HTTPFound(back)  # vuln: query param redirected to


app = web.Application()
app.router.add_get("/checkout/cancel", cancel)
