from aiohttp import web

from tenancy import tenant_headers

TENANTS = {"acme", "globex", "initech"}


async def dashboard(request):
    tenant = request.match_info["tenant"]
    return web.Response(text="dashboard", headers=tenant_headers(tenant))  # vuln: path segment in a response header


app = web.Application()
app.router.add_get("/t/{tenant}/dashboard", dashboard)
