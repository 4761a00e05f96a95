import os

from django.conf import settings
from django.http import Http404, HttpResponse

ATTACHMENTS = os.path.join(settings.BASE_DIR, "attachments")


def attachment(request, filename):
    full = os.path.realpath(os.path.join(ATTACHMENTS, filename))
    with open(full, "rb") as fh:  # vuln: URL path joined into a file path
        data = fh.read()
    return HttpResponse(data, content_type="application/octet-stream")
