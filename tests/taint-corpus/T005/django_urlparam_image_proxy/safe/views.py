import urllib.request

from django.http import HttpResponse
from django.views.decorators.cache import cache_page


@cache_page(600)
def image_proxy(request, target):
    with urllib.request.urlopen("https://cdn.example.com/images/" + target, timeout=10) as resp:  # safe: host fixed by a constant prefix
        data = resp.read()
        ctype = resp.headers.get("Content-Type", "image/jpeg")
    return HttpResponse(data, content_type=ctype)
