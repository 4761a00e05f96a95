def add_trace_headers(response, trace_id, service="web"):
    response["X-Trace-Id"] = trace_id
    response["X-Served-By"] = service
    return response
