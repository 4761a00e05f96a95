import os
import uuid

from django.conf import settings
from django.http import JsonResponse
from django.views.decorators.http import require_POST

from .imaging import make_thumbnail


@require_POST
def upload_avatar(request):
    image = request.FILES["image"]
    size = request.POST.get("size", "128x128")
    stem = uuid.uuid4().hex
    src = os.path.join(settings.MEDIA_ROOT, "avatars", stem + ".png")
    with open(src, "wb") as fh:
        for chunk in image.chunks():
            fh.write(chunk)
    thumb = make_thumbnail(src, src.replace(".png", "_thumb.png"), size)
    return JsonResponse({"thumbnail": os.path.basename(thumb)})
