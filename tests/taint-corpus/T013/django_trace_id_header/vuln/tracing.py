def add_trace_headers(response, trace_id, service="web"):
    response["X-Trace-Id"] = trace_id  # vuln: request header copied into a response header
    response["X-Served-By"] = service
    return response
