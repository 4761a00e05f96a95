from django.http import HttpResponse

from reports.builder import build_csv


def export_csv(request):
    name = request.GET.get("filename", "export.csv")
    response = HttpResponse(build_csv(request.user), content_type="text/csv")
    response["Content-Disposition"] = f'attachment; filename="{name}"'  # vuln: query param in a response header
    return response
