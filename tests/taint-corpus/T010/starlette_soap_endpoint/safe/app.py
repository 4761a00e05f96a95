from lxml import etree
from starlette.applications import Starlette
from starlette.responses import Response
from starlette.routing import Route


async def soap(request):
    body = await request.body()
    envelope = etree.fromstring(body, etree.XMLParser(resolve_entities=False, no_network=True))  # safe: no entity resolution, no network
    action = envelope.find(".//{urn:svc}Action")
    reply = f"<Ack>{action.text if action is not None else ''}</Ack>"
    return Response(reply, media_type="text/xml")


app = Starlette(routes=[Route("/soap", soap, methods=["POST"])])
