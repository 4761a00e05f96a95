import subprocess

from flask import Flask, abort, jsonify, request

app = Flask(__name__)
ALLOWED_TOOLS = {"python3", "node", "java", "go", "gcc"}


@app.post("/api/toolchain/version")
def tool_version():
    tool = request.form["tool"]
    if tool not in ALLOWED_TOOLS:  # safe: allow-list guard
        abort(400)
    proc = subprocess.run([tool, "--version"], capture_output=True, text=True, timeout=5)
    return jsonify(tool=tool, version=proc.stdout.splitlines()[:1])
