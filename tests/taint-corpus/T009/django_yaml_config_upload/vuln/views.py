from django.contrib import messages
from django.shortcuts import redirect
from django.views.decorators.http import require_POST

from .importer import load_config
from .models import Pipeline


@require_POST
def import_pipeline(request):
    upload = request.FILES["config"]
    config = load_config(upload.read())
    Pipeline.objects.create(name=config.get("name", upload.name), steps=config.get("steps", []))
    messages.success(request, "Pipeline imported")
    return redirect("pipelines:list")
