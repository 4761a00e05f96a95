import asyncio

from aiohttp import web


async def traceroute(request):
    host = request.query.get("host", "example.com")
    proc = await asyncio.create_subprocess_exec("traceroute", "-m", "15", host, stdout=asyncio.subprocess.PIPE)  # safe: argument list, no shell
    stdout, _ = await proc.communicate()
    return web.Response(text=stdout.decode())


app = web.Application()
app.router.add_get("/traceroute", traceroute)

if __name__ == "__main__":
    web.run_app(app)
