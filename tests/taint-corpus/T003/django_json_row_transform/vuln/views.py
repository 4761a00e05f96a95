import json

from django.http import JsonResponse
from django.views.decorators.http import require_POST

TRANSFORMS = {
    "upper": "row['name'].upper()",
    "total": "row['price'] * row['qty']",
}


@require_POST
def preview_transform(request):
    spec = json.loads(request.body)
    expression = spec.get("transform", TRANSFORMS["upper"])
    namespace = {}
    exec(f"def transform(row):\n    return {expression}\n", namespace)  # vuln: JSON value executed as code
    rows = spec.get("rows", [])[:20]
    return JsonResponse({"preview": [namespace["transform"](r) for r in rows]})
