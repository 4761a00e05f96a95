from django.conf import settings
from django.http import Http404, JsonResponse
from lxml import etree

USERS = etree.parse(str(settings.BASE_DIR / "data" / "users.xml"))


def user_detail(request):
    name = request.GET.get("name", "")
    matches = USERS.xpath("//user[@name=$name]", name=name)  # safe: XPath variable
    if not matches:
        raise Http404()
    user = matches[0]
    return JsonResponse({"name": user.get("name"), "email": user.findtext("email"), "role": user.findtext("role")})
