from django.http import JsonResponse
from django.views.decorators.http import require_POST

from .feeds import parse_feed


@require_POST
def import_feed(request):
    items = parse_feed(request.FILES["feed"])
    return JsonResponse({"items": items[:50]})
