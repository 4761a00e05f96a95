from django.http import HttpResponseBadRequest
from django.shortcuts import redirect
from django.views.decorators.http import require_POST

SHIPPING_METHODS = ("standard", "express", "pickup")


@require_POST
def choose_shipping(request):
    method = request.POST.get("shipping", "standard")
    request.session["shipping_method"] = method  # vuln: form field stored in the session unvalidated
    return redirect("checkout:payment")
