import os

from flask import Flask, jsonify, request
from werkzeug.utils import secure_filename

app = Flask(__name__)
EXPORT_DIR = "/srv/exports"


@app.route("/exports/<name>", methods=["DELETE"])
def delete_export(name):
    requested = secure_filename(request.view_args["name"])  # safe: werkzeug secure_filename
    target = os.path.join(EXPORT_DIR, requested)
    if os.path.exists(target):
        os.remove(target)
        return jsonify(deleted=requested)
    return jsonify(deleted=None), 404
