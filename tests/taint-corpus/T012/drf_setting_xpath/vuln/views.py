from lxml import etree
from rest_framework.decorators import api_view
from rest_framework.response import Response

CONFIG = etree.parse("/etc/app/settings.xml")


@api_view(["GET"])
def read_setting(request):
    key = request.query_params.get("key", "")
    find = etree.XPath(f"/config/setting[@key='{key}']/text()")  # vuln: query param in an XPath expression
    values = find(CONFIG)
    return Response({"key": key, "value": values[0] if values else None})
