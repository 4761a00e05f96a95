from django.http import HttpResponse
from django.template import Context, Template


def hello(request):
    name = request.GET.get("name", "friend")
    tpl = Template("<p>Hello " + name + ", you have {{ count }} new messages.</p>")  # vuln: query param in the template source
    return HttpResponse(tpl.render(Context({"count": 3})))
