from rest_framework.decorators import api_view
from rest_framework.response import Response

KNOWN_CLIENTS = {"ios", "android", "web", "cli"}


@api_view(["GET"])
def quota(request):
    client = request.query_params.get("client", "web")
    data = {"remaining": 950, "limit": 1000}
    return Response(data, headers={"X-Client": client, "X-RateLimit-Limit": "1000"})  # vuln: query param in a response header
