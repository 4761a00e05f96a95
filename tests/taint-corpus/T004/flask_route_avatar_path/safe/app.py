from flask import Flask, abort, send_file
from werkzeug.utils import safe_join

app = Flask(__name__)
AVATARS = "static/avatars"


@app.route("/avatars/<path:filename>")
def avatar(filename):
    path = safe_join(AVATARS, filename)  # safe: werkzeug safe_join
    if path is None:
        abort(404)
    return send_file(path, mimetype="image/png")
