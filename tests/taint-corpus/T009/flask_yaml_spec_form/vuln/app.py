import yaml
from flask import Flask, jsonify, request

app = Flask(__name__)


@app.post("/workflows/validate")
def validate_workflow():
    spec = yaml.unsafe_load(request.form["spec"])  # vuln: form field loaded with yaml.unsafe_load
    jobs = spec.get("jobs", {}) if isinstance(spec, dict) else {}
    return jsonify(valid=bool(jobs), jobs=sorted(jobs))
