from rest_framework.decorators import api_view
from rest_framework.response import Response


@api_view(["POST"])
def switch_org(request):
    org_id = request.data.get("org_id")
    request.session["org_id"] = org_id  # vuln: body field stored in the session unvalidated
    return Response({"org_id": org_id})
