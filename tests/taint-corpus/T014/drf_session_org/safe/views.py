from rest_framework.decorators import api_view
from rest_framework.response import Response


@api_view(["POST"])
def switch_org(request):
    org_id = int(request.data.get("org_id"))  # safe: converted to int
    request.session["org_id"] = org_id
    return Response({"org_id": org_id})
