import ast

from django.contrib import messages
from django.contrib.admin.views.decorators import staff_member_required
from django.shortcuts import redirect

from core.models import SiteSetting


@staff_member_required
def update_setting(request, key):
    raw = request.POST.get("value", "None")
    value = ast.literal_eval(raw)  # safe: ast.literal_eval only accepts literals
    SiteSetting.objects.update_or_create(key=key, defaults={"value": value})
    messages.success(request, f"{key} updated")
    return redirect("admin:index")
