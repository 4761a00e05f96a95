import uuid

from django.http import JsonResponse

from tracing import add_trace_headers


def health(request):
    trace_id = str(uuid.UUID(request.headers.get("X-Request-ID") or uuid.uuid4().hex))  # safe: must parse as a UUID
    return add_trace_headers(JsonResponse({"status": "ok"}), trace_id)
