from rest_framework.decorators import api_view
from rest_framework.response import Response

from .mongo import find_events


@api_view(["POST"])
def search_events(request):
    filter_doc = {"type": str(request.data.get("type", "pageview"))}  # safe: query built from a str value under a constant key
    return Response({"events": find_events(filter_doc)})
