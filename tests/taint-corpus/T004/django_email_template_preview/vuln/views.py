from django.contrib.admin.views.decorators import staff_member_required
from django.http import HttpResponse

from templates_fs import read_template


@staff_member_required
def preview_email(request):
    name = request.GET.get("template", "welcome.txt")
    source = read_template(name)
    return HttpResponse(source, content_type="text/plain; charset=utf-8")
