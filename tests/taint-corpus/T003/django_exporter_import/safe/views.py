from django.http import HttpResponse

from .exporters import get_exporter
from .models import Order

EXPORTERS = {
    "csv": "shop.exporters.csv_export.export",
    "xlsx": "shop.exporters.excel_export.export",
}


def export_orders(request):
    dotted = EXPORTERS.get(request.GET.get("exporter", "csv"), EXPORTERS["csv"])  # safe: chosen from a dict of constants
    export = get_exporter(dotted)
    payload, content_type = export(Order.objects.filter(owner=request.user))
    return HttpResponse(payload, content_type=content_type)
