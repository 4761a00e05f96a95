import json
import marshal

from flask import Flask, jsonify, request

app = Flask(__name__)
CACHE = {}


@app.post("/cache/import")
def import_cache():
    blob = request.files["cache"].read()
    entries = json.loads(blob)  # safe: json.loads
    CACHE.update(entries)
    return jsonify(imported=len(entries))
