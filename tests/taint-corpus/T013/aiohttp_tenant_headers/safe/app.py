from aiohttp import web

from tenancy import tenant_headers

TENANTS = {"acme", "globex", "initech"}


async def dashboard(request):
    tenant = request.match_info["tenant"]
    if tenant not in TENANTS:  # safe: allow-list guard
        raise web.HTTPNotFound()
    return web.Response(text="dashboard", headers=tenant_headers(tenant))


app = web.Application()
app.router.add_get("/t/{tenant}/dashboard", dashboard)
