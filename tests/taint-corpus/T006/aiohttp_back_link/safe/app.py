from aiohttp import web

BACK_TARGETS = {"/", "/orders", "/account"}


async def cancel(request):
    back = request.query.get("back", "/")
    if back not in BACK_TARGETS:  # safe: allow-list guard
        raise web.HTTPBadRequest()
    raise web.HTTPFound(back)


app = web.Application()
app.router.add_get("/checkout/cancel", cancel)
