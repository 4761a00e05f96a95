from aiohttp import web

from orders_xml import OrderParser

parser = OrderParser()


async def receive_order(request):
    data = await request.read()
    order = parser.parse(data)
    return web.json_response(order, status=201)


app = web.Application()
app.router.add_post("/orders.xml", receive_order)
