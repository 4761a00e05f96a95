from django.http import HttpResponseBadRequest
from django.shortcuts import redirect
from django.views.decorators.http import require_POST

SHIPPING_METHODS = ("standard", "express", "pickup")


@require_POST
def choose_shipping(request):
    method = request.POST.get("shipping", "standard")
    if method not in SHIPPING_METHODS:  # safe: allow-list guard
        return HttpResponseBadRequest("unknown shipping method")
    request.session["shipping_method"] = method
    return redirect("checkout:payment")
