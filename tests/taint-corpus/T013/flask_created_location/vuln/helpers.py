def with_location(resp, name):
    resp.headers["Location"] = "/files/" + name  # vuln: route variable in a response header
    return resp
