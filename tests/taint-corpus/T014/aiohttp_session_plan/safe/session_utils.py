from aiohttp_session import get_session


async def store_plan(request, plan):
    session = await get_session(request)
    session["plan"] = plan
