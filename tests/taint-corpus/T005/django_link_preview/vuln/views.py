import re
from urllib.parse import urlparse

import requests
from django.http import HttpResponseBadRequest, JsonResponse

TITLE_RE = re.compile(r"<title>(.*?)</title>", re.I | re.S)
PREVIEW_HOSTS = {"github.com", "www.youtube.com", "en.wikipedia.org"}


def link_preview(request):
    url = request.GET.get("url", "")
    if not url.startswith(("http://", "https://")):
        return HttpResponseBadRequest("bad url")
    resp = requests.get(url, timeout=5)  # vuln: query param as the fetched URL
    match = TITLE_RE.search(resp.text)
    return JsonResponse({"url": url, "title": match.group(1).strip() if match else None})
