import os
import re

from rest_framework.decorators import api_view, permission_classes
from rest_framework.permissions import IsAdminUser
from rest_framework.response import Response

DOMAIN_RE = re.compile(r"[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*")


@api_view(["POST"])
@permission_classes([IsAdminUser])
def dns_lookup(request):
    domain = request.data.get("domain", "")
    record_type = "MX" if request.data.get("mail") else "A"
    if not DOMAIN_RE.fullmatch(domain):  # safe: regex fullmatch guard
        return Response({"error": "invalid domain"}, status=400)
    answer = os.popen("dig +short " + record_type + " " + domain).read()
    return Response({"domain": domain, "answers": answer.split()})
