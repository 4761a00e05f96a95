import asyncpg
from aiohttp import web

routes = web.RouteTableDef()


@routes.get("/users/{username}")
async def profile(request):
    username = request.match_info["username"]
    pool = request.app["pool"]
    async with pool.acquire() as conn:
        row = await conn.fetchrow("SELECT id, username, bio FROM profiles WHERE username = '%s'" % username)  # vuln: path segment in SQL
    if row is None:
        raise web.HTTPNotFound()
    return web.json_response(dict(row))


async def init_pool(app):
    app["pool"] = await asyncpg.create_pool(dsn="postgresql://social@localhost/social")
    yield
    await app["pool"].close()


app = web.Application()
app.add_routes(routes)
app.cleanup_ctx.append(init_pool)
