from urllib.parse import urlencode


def build_callback(redirect_uri, code, state=None):
    params = {"code": code}
    if state:
        params["state"] = state
    sep = "&" if "?" in redirect_uri else "?"
    return f"{redirect_uri}{sep}{urlencode(params)}"
