from django.http import HttpResponse

from .exporters import get_exporter
from .models import Order

EXPORTERS = {
    "csv": "shop.exporters.csv_export.export",
    "xlsx": "shop.exporters.excel_export.export",
}


def export_orders(request):
    dotted = request.GET.get("exporter", "shop.exporters.csv_export.export")
    export = get_exporter(dotted)
    payload, content_type = export(Order.objects.filter(owner=request.user))
    return HttpResponse(payload, content_type=content_type)
