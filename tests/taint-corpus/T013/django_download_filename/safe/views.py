from django.http import HttpResponse

from reports.builder import build_csv


def export_csv(request):
    name = request.GET.get("filename", "export.csv").replace("\r", "").replace("\n", "")  # safe: CR and LF removed
    response = HttpResponse(build_csv(request.user), content_type="text/csv")
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response
