"""Safe counterparts of some views in views.py.

Nothing here should be reported as a vulnerability. (Bandit still prints its
low-severity, informational B404 for "import subprocess" and B603 for a
subprocess call without a shell; those are notes, not flaws.)
"""
import ipaddress
import json
import secrets
import subprocess
import tempfile
from pathlib import Path
from urllib.parse import urlparse

import requests
import yaml
from django.conf import settings
from django.contrib.auth.hashers import make_password
from django.db import connection
from django.http import HttpResponse, HttpResponseBadRequest, JsonResponse
from django.utils.html import format_html
from django.utils.text import get_valid_filename

from .models import Product

ALLOWED_PREVIEW_HOSTS = {"docs.example.com", "blog.example.com"}
ALLOWED_UPLOAD_SUFFIXES = {".pdf", ".txt", ".csv"}
MAX_UPLOAD_BYTES = 5 * 1024 * 1024


def search(request):
    term = request.GET.get("q", "")
    with connection.cursor() as cursor:
        # SAFE: parameterised query, the driver quotes the value
        cursor.execute(
            "SELECT id, name, price FROM shop_product WHERE name LIKE %s",
            ["%" + term + "%"],
        )
        rows = cursor.fetchall()
    # SAFE: the ORM builds parameterised SQL as well
    names = list(Product.objects.filter(name__icontains=term).values_list("name", flat=True))
    return JsonResponse({"results": rows, "names": names})


def ping_host(request):
    try:
        # SAFE: input validated as an IP address
        host = str(ipaddress.ip_address(request.GET.get("host", "127.0.0.1")))
    except ValueError:
        return HttpResponseBadRequest("not an IP address")
    # SAFE: argument list, no shell, with a timeout
    result = subprocess.run(
        ["/bin/ping", "-c", "1", host], capture_output=True, text=True, timeout=5, check=False
    )
    return HttpResponse(result.stdout, content_type="text/plain")


def import_catalogue(request):
    # SAFE: yaml.safe_load builds plain Python objects only
    data = yaml.safe_load(request.body) or {}
    return JsonResponse({"products": len(data.get("products", []))})


def load_preferences(request):
    # SAFE: JSON instead of pickle for client-side data
    try:
        prefs = json.loads(request.COOKIES.get("prefs", "{}"))
    except ValueError:
        prefs = {}
    return JsonResponse(prefs if isinstance(prefs, dict) else {})


def greeting(request, customer):
    # SAFE: format_html escapes its arguments
    return format_html("<h2>{}, {}!</h2>", request.GET.get("greeting", "Hello"), customer.display_name)


def upload_document(request):
    upload = request.FILES["document"]
    if upload.size > MAX_UPLOAD_BYTES:
        return HttpResponseBadRequest("too large")
    # SAFE: client name reduced to a safe basename and checked against an allow-list
    name = get_valid_filename(Path(upload.name).name)
    if Path(name).suffix.lower() not in ALLOWED_UPLOAD_SUFFIXES:
        return HttpResponseBadRequest("file type not allowed")
    # SAFE: stored under a server-chosen random name outside the served folder
    target = Path(settings.BASE_DIR) / "private-uploads" / (secrets.token_hex(16) + Path(name).suffix)
    target.parent.mkdir(parents=True, exist_ok=True)
    with open(target, "xb") as out:
        for chunk in upload.chunks():
            out.write(chunk)
    target.chmod(0o600)
    return JsonResponse({"stored": target.name})


def link_preview(request):
    url = request.GET.get("url", "")
    parsed = urlparse(url)
    # SAFE: scheme and host allow-list before the request
    if parsed.scheme != "https" or parsed.hostname not in ALLOWED_PREVIEW_HOSTS:
        return HttpResponseBadRequest("host not allowed")
    # SAFE: certificate verification on (the default) and a timeout
    page = requests.get(url, timeout=5)
    return HttpResponse(page.text[:500])


def export_report(request):
    # SAFE: NamedTemporaryFile creates and opens the file atomically
    with tempfile.NamedTemporaryFile("w+", suffix=".csv") as fh:
        for product in Product.objects.all():
            fh.write(f"{product.id},{product.name},{product.price}\n")
        fh.seek(0)
        return HttpResponse(fh.read(), content_type="text/csv")


def new_reset_token():
    # SAFE: cryptographically strong token
    return secrets.token_urlsafe(32)


def store_password(user, raw_password):
    # SAFE: Django's configured password hasher (salted, slow)
    user.password = make_password(raw_password)
    user.save(update_fields=["password"])
