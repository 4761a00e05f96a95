"""Views of the shop app. Deliberately insecure: see "# FLAW:" comments."""
import base64
import json
import logging
import os
# FLAW: pickle imported for untrusted data (B403)
import pickle
import subprocess
import tempfile

import requests
import yaml
from django.conf import settings
from django.contrib.auth import update_session_auth_hash
from django.contrib.auth.decorators import login_required
from django.contrib.auth.models import User
from django.db import connection
from django.http import HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.utils.safestring import mark_safe
from django.views.decorators.csrf import csrf_exempt

from .models import Customer, Document, Product
from .utils import hash_password, make_reset_token, scratch_file

logger = logging.getLogger(__name__)


def search(request):
    term = request.GET.get("q", "")
    with connection.cursor() as cursor:
        # FLAW: SQL injection, query built with % formatting (B608)
        cursor.execute("SELECT id, name, price FROM shop_product WHERE name LIKE '%%%s%%'" % term)
        rows = cursor.fetchall()
    return JsonResponse({"results": rows})


def order_lookup(request):
    ref = request.GET["ref"]
    # FLAW: SQL injection, f-string passed to raw() (B608)
    orders = Product.objects.raw(f"SELECT * FROM shop_order WHERE reference = '{ref}'")
    sort = request.GET.get("sort", "name")
    with connection.cursor() as cursor:
        # FLAW: SQL injection, concatenated ORDER BY (B608)
        cursor.execute("SELECT id, reference FROM shop_order ORDER BY " + sort)
        ordered = cursor.fetchall()
    return JsonResponse({"orders": [o.id for o in orders], "ordered": ordered})


def ping_host(request):
    host = request.GET.get("host", "localhost")
    # FLAW: shell injection, request data in a shell command (B602)
    output = subprocess.check_output("ping -c 1 " + host, shell=True)
    return HttpResponse(output, content_type="text/plain")


def load_preferences(request):
    raw = request.COOKIES.get("prefs")
    if not raw:
        return JsonResponse({})
    # FLAW: insecure deserialisation, pickle.loads of a cookie (B301)
    prefs = pickle.loads(base64.b64decode(raw))
    return JsonResponse(prefs)


@csrf_exempt  # FLAW: CSRF protection turned off for a state-changing view
def import_catalogue(request):
    # FLAW: yaml.load with the unsafe Loader on uploaded YAML (B506)
    data = yaml.load(request.body, Loader=yaml.Loader)
    for item in data.get("products", []):
        Product.objects.create(**item)
    return JsonResponse({"imported": len(data.get("products", []))})


def profile(request, user_id):
    customer = Customer.objects.get(user_id=user_id)
    greeting = request.GET.get("greeting", "Welcome back")
    # FLAW: XSS, mark_safe on user-controlled input (B308, B703)
    banner = mark_safe("<h2>%s, %s!</h2>" % (greeting, customer.display_name))
    return render(request, "shop/profile.html", {"banner": banner, "customer": customer})


@csrf_exempt  # FLAW: CSRF protection turned off for an upload
def upload_document(request):
    upload = request.FILES["document"]
    # FLAW: stored under the name the client chose, replacing any document of that name
    # (not path traversal: Django strips the directories from upload.name)
    destination = os.path.join(settings.MEDIA_ROOT, "documents", upload.name)
    with open(destination, "wb") as out:
        # FLAW: any file type stored, into the upload folder served back to users (UP002); the
        # whole upload read into memory at once, however large (UP005)
        out.write(upload.read())
    # FLAW: world-writable file permissions (B103)
    os.chmod(destination, 0o777)
    Document.objects.create(owner=request.user.customer, file="documents/" + upload.name)
    return JsonResponse({"saved": upload.name})


def register(request):
    username = request.POST["username"]
    password = request.POST["password"]
    user = User.objects.create(username=username)
    # FLAW: password stored as unsalted MD5 instead of Django's hasher
    user.password = hash_password(password)
    user.save()
    # FLAW: logs the clear-text password (PY020)
    logger.info("new user %s with password %s", username, password)
    return redirect("shop:profile", user_id=user.id)


def password_reset_token(request):
    email = request.POST.get("email", "")
    # FLAW: reset token from the non-cryptographic random module (see utils.make_reset_token)
    token = make_reset_token()
    # FLAW: no timeout (B113)
    requests.post(
        "https://mailer.example.com/send",
        json={"to": email, "token": token},
        # FLAW: TLS certificate verification disabled (B501)
        verify=False,
    )
    return JsonResponse({"sent": True})


def link_preview(request):
    url = request.GET["url"]
    # FLAW: server-side request forgery, user URL fetched with no allow-list, no timeout (B113)
    page = requests.get(url)
    return HttpResponse(page.text[:500])


def export_report(request):
    # FLAW: insecure temporary file, race between name and open (B306)
    path = tempfile.mktemp(suffix=".csv")
    with open(path, "w") as fh:
        for product in Product.objects.all():
            fh.write(f"{product.id},{product.name},{product.price}\n")
    # FLAW: report written to a fixed, shared /tmp path (B108)
    with open("/tmp/last_report.csv", "w") as fh:
        fh.write(open(path).read())
    scratch = scratch_file()
    os.remove(scratch)
    with open(path) as fh:
        return HttpResponse(fh.read(), content_type="text/csv")


def admin_stats(request):
    # FLAW: authorisation by assert, removed when Python runs with -O (B101)
    assert request.user.is_staff, "staff only"
    stats = {"products": Product.objects.count()}
    try:
        stats["disk"] = os.statvfs(settings.MEDIA_ROOT).f_bavail
    except Exception:
        # FLAW: error silently swallowed (B110)
        pass
    for name in ("orders", "customers"):
        try:
            stats[name] = int(request.GET[name])
        except Exception:
            # FLAW: error silently swallowed (B112)
            continue
    return JsonResponse(stats)


def calculator(request):
    expression = request.GET.get("expr", "1+1")
    # FLAW: code injection, eval of request data (B307)
    result = eval(expression)
    return JsonResponse({"result": result})


def go(request):
    # FLAW: open redirect to a user-supplied URL
    return redirect(request.GET.get("next", "/"))


def debug_dump(request):
    # FLAW: leaks every setting, including secrets, as JSON
    values = {k: str(getattr(settings, k)) for k in dir(settings) if k.isupper()}
    return HttpResponse(json.dumps(values), content_type="application/json")


@login_required
def change_password(request):
    # FLAW: the new password stored in clear text, never hashed (PY004)
    request.user.password = request.POST["new_password"]
    request.user.save()
    return redirect("shop:profile", user_id=request.user.id)


@login_required
def safe_change_password(request):
    # SAFE: set_password hashes with the configured hasher
    request.user.set_password(request.POST["new_password"])
    request.user.save()
    update_session_auth_hash(request, request.user)
    return redirect("shop:profile", user_id=request.user.id)


def customer_lookup(request):
    # FLAW: the client chooses the ORM lookups, e.g. ?user__password__startswith=md5 (PY022)
    customers = Customer.objects.filter(**request.GET.dict())
    return JsonResponse({"ids": list(customers.values_list("id", flat=True))})


def safe_customer_lookup(request):
    # SAFE: one explicit lookup on a public field
    customers = Customer.objects.filter(display_name__icontains=request.GET.get("name", ""))
    return JsonResponse({"ids": list(customers.values_list("id", flat=True))})


def set_currency(request):
    currency = request.POST.get("currency", "EUR")
    response = JsonResponse({"currency": currency})
    # FLAW: cookie without the Secure flag, also sent over plain HTTP (PY016)
    response.set_cookie("currency", currency, max_age=30 * 24 * 3600, samesite="Lax")
    return response


def safe_set_currency(request):
    currency = request.POST.get("currency", "EUR")
    response = JsonResponse({"currency": currency})
    # SAFE: Secure cookie, sent over HTTPS only
    response.set_cookie("currency", currency, max_age=30 * 24 * 3600, secure=True, samesite="Lax")
    return response
