import os
import uuid

from rest_framework.decorators import api_view
from rest_framework.response import Response

EXPORT_ROOT = "/srv/exports"


@api_view(["POST"])
def create_export(request):
    meta = {"title": request.data.get("title", "export"), "token": uuid.uuid4().hex}
    path = os.path.join(EXPORT_ROOT, meta["token"] + ".csv")  # safe: reads the generated "token" key, not the user-supplied "title"
    with open(path, "w", encoding="utf-8") as fh:
        fh.write("id,name\n")
    return Response({"title": meta["title"], "token": meta["token"]}, status=201)
