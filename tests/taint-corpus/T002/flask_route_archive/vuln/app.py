import os

from flask import Flask, send_file
from werkzeug.utils import secure_filename

app = Flask(__name__)


@app.route("/archive/<path:name>")
def archive(name):
    target = f"/tmp/{name}.tar.gz"
    os.system(f"tar czf {target} -C /srv/shared {name}")  # vuln: route variable in a shell command
    return send_file(target, as_attachment=True)
