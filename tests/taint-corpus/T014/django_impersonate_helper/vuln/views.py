from django.contrib.admin.views.decorators import staff_member_required
from django.http import HttpResponseBadRequest
from django.shortcuts import redirect

from auth_helpers import start_impersonation


@staff_member_required
def impersonate(request):
    user_id = request.GET.get("as", "")
    start_impersonation(request, user_id)
    return redirect("/")
