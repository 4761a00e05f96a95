from django.http import FileResponse

from tasks import convert_report

FORMATS = {"pdf": "pdf", "word": "docx", "excel": "xlsx"}


def download_quarterly(request):
    fmt = FORMATS.get(request.GET.get("format", "pdf"), "pdf")  # safe: format chosen from a dict of constants
    path = convert_report("quarterly", fmt)
    return FileResponse(open(path, "rb"), as_attachment=True)
