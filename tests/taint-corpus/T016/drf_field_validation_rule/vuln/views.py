import re

from rest_framework.decorators import api_view
from rest_framework.response import Response


@api_view(["POST"])
def test_rule(request):
    pattern = request.data.get("pattern", "")
    samples = request.data.get("samples", [])
    results = {s: bool(re.match(pattern, s)) for s in samples[:100]}  # vuln: body field used as a regex
    return Response({"results": results})
