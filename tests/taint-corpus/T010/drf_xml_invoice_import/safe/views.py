import xml.etree.ElementTree as ET

from lxml import etree
from rest_framework.decorators import api_view
from rest_framework.response import Response


@api_view(["POST"])
def import_invoice(request):
    root = ET.fromstring(request.body)  # safe: stdlib ElementTree does not fetch external entities
    lines = [
        {"sku": line.get("sku"), "qty": int(line.get("qty", "1"))}
        for line in root.iter("line")
    ]
    return Response({"invoice": root.get("number"), "lines": lines})
