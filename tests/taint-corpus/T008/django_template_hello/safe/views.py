from django.http import HttpResponse
from django.template import Context, Template


def hello(request):
    name = request.GET.get("name", "friend")
    tpl = Template("<p>Hello {{ name }}, you have {{ count }} new messages.</p>")
    return HttpResponse(tpl.render(Context({"name": name, "count": 3})))  # safe: constant template, data as a context variable
