"""Request data followed into dangerous sinks (pyward's taint rules T001-T016).

Each vulnerable view is followed by its safe twin. `# vulnerable: T0NN` marks
the line above the sink a flow reaches; `# safe twin:` the line above the same
sink in the twin, where nothing dangerous arrives.
"""
import os

import ldap
from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpResponse, HttpResponseBadRequest, JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils.http import url_has_allowed_host_and_scheme
from ldap.filter import escape_filter_chars

from .models import Order
from .reports import region_totals, safe_region_totals

# The invoices folder, resolved, with a trailing separator: a path inside it starts with this.
INVOICE_ROOT = os.path.join(os.path.realpath(os.path.join(settings.MEDIA_ROOT, "invoices")), "")
STORES = {"paris", "lyon", "online"}
DIRECTORY_URI = "ldaps://directory.example.com"
PEOPLE_BASE = "ou=people,dc=example,dc=com"


def order_status(request, reference):
    # `reference` is a <str:reference> URL parameter (shop/urls.py): any text but "/"
    order = Order.objects.filter(reference=reference).first()
    placed = order.created.date().isoformat() if order else "not found"
    # vulnerable: T007 XSS, the URL parameter written into an HTML page unescaped
    return HttpResponse(f"<h1>Order {reference}</h1><p>Placed: {placed}</p>")


def safe_order_status(request, order_id):
    # `order_id` is an <int:order_id> URL parameter: only digits reach the view, as an int
    order = get_object_or_404(Order, pk=order_id)
    placed = order.created.date().isoformat()
    # safe twin: the same page built from an int URL parameter
    return HttpResponse(f"<h1>Order {order_id}</h1><p>Placed: {placed}</p>")


@login_required
def sales_report(request):
    region = request.GET.get("region", "EU")
    # T001 flow: the region goes to reports.region_totals, whose query is flagged in shop/reports.py
    return JsonResponse({"region": region, "totals": region_totals(region)})


@login_required
def safe_sales_report(request):
    region = request.GET.get("region", "EU")
    # T001 twin: reports.safe_region_totals binds the region as a query parameter (shop/reports.py)
    return JsonResponse({"region": region, "totals": safe_region_totals(region)})


def cancel_checkout(request):
    request.session.pop("cart", None)
    next_url = request.POST.get("next") or request.META.get("HTTP_REFERER", "/")
    # vulnerable: T006 open redirect, to a URL the client chose (next field or Referer header)
    return redirect(next_url)


def safe_cancel_checkout(request):
    request.session.pop("cart", None)
    next_url = request.POST.get("next") or request.META.get("HTTP_REFERER", "/")
    if url_has_allowed_host_and_scheme(next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()):
        # safe twin: only a URL of this site
        return redirect(next_url)
    return redirect("shop:search")


@login_required
def invoice(request):
    path = os.path.join(INVOICE_ROOT, request.GET.get("file", ""))
    # vulnerable: T004 path traversal, ?file=../../mysite/settings.py leaves the invoices folder
    return FileResponse(open(path, "rb"), content_type="application/pdf")


@login_required
def safe_invoice(request):
    path = os.path.join(INVOICE_ROOT, request.GET.get("file", ""))
    if os.path.realpath(path).startswith(INVOICE_ROOT):
        # safe twin: the resolved path is checked to be inside the invoices folder
        return FileResponse(open(path, "rb"), content_type="application/pdf")
    raise Http404("no such invoice")


def choose_store(request):
    # vulnerable: T014 trust boundary violation, the client's text stored in the session unchecked
    request.session["store"] = request.POST["store"]
    return JsonResponse({"store": request.POST["store"]})


def safe_choose_store(request):
    store = request.POST.get("store", "")
    if store not in STORES:
        return HttpResponseBadRequest("unknown store")
    # safe twin: only one of the known stores reaches the session
    request.session["store"] = store
    return JsonResponse({"store": store})


@login_required
def staff_directory(request):
    uid = request.GET.get("uid", "")
    conn = ldap.initialize(DIRECTORY_URI)
    # vulnerable: T011 LDAP injection, ?uid=* matches every person instead of one
    entries = conn.search_s(PEOPLE_BASE, ldap.SCOPE_SUBTREE, f"(&(objectClass=person)(uid={uid}))", ["cn"])
    return JsonResponse({"people": [dn for dn, _ in entries]})


@login_required
def safe_staff_directory(request):
    uid = request.GET.get("uid", "")
    conn = ldap.initialize(DIRECTORY_URI)
    # safe twin: escape_filter_chars turns *, (, ) and \ of the uid into literal characters
    entries = conn.search_s(
        PEOPLE_BASE, ldap.SCOPE_SUBTREE, f"(&(objectClass=person)(uid={escape_filter_chars(uid)}))", ["cn"]
    )
    return JsonResponse({"people": [dn for dn, _ in entries]})
