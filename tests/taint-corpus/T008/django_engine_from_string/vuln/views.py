from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.template import Context, Engine


@login_required
def signature_preview(request):
    signature = request.POST.get("signature", "")
    engine = Engine.get_default()
    template = engine.from_string("<div class='sig'>" + signature + "</div><small>{{ user.email }}</small>")  # vuln: form field in the template source
    return HttpResponse(template.render(Context({"user": request.user})))
