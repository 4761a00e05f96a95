import datetime

from django.contrib.auth.decorators import login_required
from django.http import JsonResponse

from .reports import sales_by_region


@login_required
def region_report(request):
    region = request.GET.get("region", "EMEA")
    year = datetime.date.today().year
    rows = sales_by_region(region, year)
    return JsonResponse({"region": region, "rows": [list(r) for r in rows]})
