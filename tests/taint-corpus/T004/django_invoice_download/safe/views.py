import os

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404


@login_required
def download_invoice(request):
    name = os.path.basename(request.GET.get("file", ""))  # safe: basename drops directories
    path = os.path.join(settings.MEDIA_ROOT, "invoices", name)
    if not os.path.isfile(path):
        raise Http404("invoice not found")
    return FileResponse(open(path, "rb"), as_attachment=True)
