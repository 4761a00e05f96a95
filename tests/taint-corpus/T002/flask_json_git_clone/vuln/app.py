import uuid

from flask import Flask, jsonify, request

from vcs import clone_repo

app = Flask(__name__)


@app.post("/builds")
def create_build():
    spec = request.json
    url = spec["repo_url"]
    build_id = uuid.uuid4().hex[:12]
    dest = clone_repo(url, build_id)
    return jsonify(build=build_id, workspace=str(dest)), 202
