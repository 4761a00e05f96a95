import os

from rest_framework.decorators import api_view
from rest_framework.exceptions import NotFound
from rest_framework.response import Response

SHARE_ROOT = os.path.realpath("/srv/share")


@api_view(["GET"])
def browse(request):
    sub = request.query_params.get("dir", "")
    folder = os.path.realpath(os.path.join(SHARE_ROOT, sub))
    if folder != SHARE_ROOT and not folder.startswith(SHARE_ROOT + os.sep):  # safe: realpath prefix guard
        raise NotFound()
    entries = sorted(os.listdir(folder))
    return Response({"dir": sub, "entries": entries})
