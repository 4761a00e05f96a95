from flask import Flask, abort, send_file
from werkzeug.utils import safe_join

app = Flask(__name__)
AVATARS = "static/avatars"


@app.route("/avatars/<path:filename>")
def avatar(filename):
    path = AVATARS + "/" + filename
    return send_file(path, mimetype="image/png")  # vuln: route path in a file path
