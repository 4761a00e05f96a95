from django.contrib import messages
from django.shortcuts import redirect
from django.views.decorators.http import require_POST

from storage import ExportStorage


@require_POST
def delete_export(request):
    name = request.POST["name"]
    removed = ExportStorage().delete(name)
    messages.info(request, f"Deleted {removed}")
    return redirect("exports:list")
