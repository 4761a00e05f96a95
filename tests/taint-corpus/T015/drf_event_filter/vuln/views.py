from rest_framework.decorators import api_view
from rest_framework.response import Response

from .mongo import find_events


@api_view(["POST"])
def search_events(request):
    filter_doc = request.data
    return Response({"events": find_events(filter_doc)})
