import re

from flask import Flask, jsonify, request

app = Flask(__name__)
HOSTS = ["web-01", "web-02", "db-01", "cache-01", "worker-17"]


@app.route("/hosts")
def hosts():
    flt = request.args.get("filter", "")
    matching = [h for h in HOSTS if re.search(flt, h)]  # vuln: query param used as a regex
    return jsonify(matching)
