import ast
import base64

DEFAULTS = {"theme": "light", "page_size": 25}


def load_prefs(cookie_value):
    if not cookie_value:
        return dict(DEFAULTS)
    decoded = base64.b64decode(cookie_value).decode("utf-8")
    prefs = ast.literal_eval(decoded)  # safe: ast.literal_eval only accepts literals
    return {**DEFAULTS, **prefs}
