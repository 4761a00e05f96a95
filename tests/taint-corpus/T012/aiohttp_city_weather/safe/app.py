import re

from aiohttp import web
from lxml import etree

STATIONS = etree.parse("stations.xml")
CITY_RE = re.compile(r"[A-Za-z -]{1,40}")


async def stations(request):
    city = request.query.get("city", "")
    if not CITY_RE.fullmatch(city):  # safe: regex fullmatch guard (no quotes)
        raise web.HTTPBadRequest()
    ids = STATIONS.xpath("//station[@city='" + city + "']/@id")
    return web.json_response({"city": city, "stations": [str(i) for i in ids]})


app = web.Application()
app.router.add_get("/stations", stations)
