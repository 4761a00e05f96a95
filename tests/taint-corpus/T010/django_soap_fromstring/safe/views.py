from django.http import HttpResponse
from django.views.decorators.csrf import csrf_exempt
from lxml import etree

NS = {"soap": "http://schemas.xmlsoap.org/soap/envelope/", "s": "urn:stock"}
SAFE_PARSER = etree.XMLParser(resolve_entities=False, no_network=True)


@csrf_exempt
def stock_quote(request):
    envelope = etree.fromstring(request.body, SAFE_PARSER)  # safe: parser without entity resolution or network
    symbol = envelope.findtext(".//s:Symbol", namespaces=NS) or ""
    price = {"ACME": "12.50"}.get(symbol.upper(), "0")
    xml = f"<Price>{price}</Price>"
    return HttpResponse(xml, content_type="text/xml")
