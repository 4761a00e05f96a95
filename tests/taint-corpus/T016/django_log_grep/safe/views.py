import re

from django.contrib.admin.views.decorators import staff_member_required
from django.http import JsonResponse

from .logsearch import grep


@staff_member_required
def log_search(request):
    pattern = re.escape(request.POST.get("pattern", "ERROR"))  # safe: re.escape
    return JsonResponse({"lines": grep(pattern)})
