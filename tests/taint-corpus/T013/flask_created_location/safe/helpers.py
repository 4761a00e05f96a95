def with_location(resp, name):
    resp.headers["Location"] = "/files/" + name.replace("\r", "").replace("\n", "")  # safe: CR and LF removed
    return resp
