import base64

import defusedxml.ElementTree as DET
from django.contrib.auth import login
from django.http import HttpResponseForbidden
from django.shortcuts import redirect
from django.views.decorators.csrf import csrf_exempt
from lxml import etree

from sso.backends import user_from_assertion


@csrf_exempt
def acs(request):
    payload = base64.b64decode(request.POST["SAMLResponse"])
    parser = etree.XMLParser(load_dtd=True, resolve_entities=True)
    assertion = etree.XML(payload, parser)  # vuln: form field parsed with entity resolution
    user = user_from_assertion(assertion)
    if user is None:
        return HttpResponseForbidden()
    login(request, user)
    return redirect("/")
