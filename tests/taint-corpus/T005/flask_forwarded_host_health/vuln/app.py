import json
from urllib.request import urlopen

from flask import Flask, abort, request

app = Flask(__name__)
BACKENDS = {"app-1.internal:8080", "app-2.internal:8080"}


@app.route("/health/upstream")
def upstream_health():
    host = request.headers.get("X-Upstream-Host", "app-1.internal:8080")
    with urlopen(f"http://{host}/internal/health", timeout=2) as resp:  # vuln: header value as the host
        data = json.load(resp)
    return {"upstream": host, "ok": data.get("ok", False)}
