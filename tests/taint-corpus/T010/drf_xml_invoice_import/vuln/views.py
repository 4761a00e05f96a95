import xml.etree.ElementTree as ET

from lxml import etree
from rest_framework.decorators import api_view
from rest_framework.response import Response


@api_view(["POST"])
def import_invoice(request):
    root = etree.XML(request.body)  # vuln: request body parsed with the default lxml parser
    lines = [
        {"sku": line.get("sku"), "qty": int(line.get("qty", "1"))}
        for line in root.iter("line")
    ]
    return Response({"invoice": root.get("number"), "lines": lines})
