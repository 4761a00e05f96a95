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
    expression = TRANSFORMS.get(spec.get("transform"), TRANSFORMS["upper"])  # safe: chosen from a dict of constant expressions
    namespace = {}
    exec(f"def transform(row):\n    return {expression}\n", namespace)
    rows = spec.get("rows", [])[:20]
    return JsonResponse({"preview": [namespace["transform"](r) for r in rows]})
