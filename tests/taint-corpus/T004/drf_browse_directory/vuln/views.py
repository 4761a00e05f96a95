import os

from rest_framework.decorators import api_view
from rest_framework.exceptions import NotFound
from rest_framework.response import Response

SHARE_ROOT = os.path.realpath("/srv/share")


@api_view(["GET"])
def browse(request):
    sub = request.query_params.get("dir", "")
    folder = os.path.realpath(os.path.join(SHARE_ROOT, sub))
    entries = sorted(os.listdir(folder))  # vuln: query param as a listed directory
    return Response({"dir": sub, "entries": entries})
