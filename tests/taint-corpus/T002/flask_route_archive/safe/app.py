import os

from flask import Flask, send_file
from werkzeug.utils import secure_filename

app = Flask(__name__)


@app.route("/archive/<path:name>")
def archive(name):
    name = secure_filename(name)  # safe: secure_filename leaves only [A-Za-z0-9_.-]
    target = f"/tmp/{name}.tar.gz"
    os.system(f"tar czf {target} -C /srv/shared {name}")
    return send_file(target, as_attachment=True)
