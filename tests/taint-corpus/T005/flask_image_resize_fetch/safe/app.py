import io
from urllib.parse import urlparse

import requests
from flask import Flask, abort, request, send_file
from PIL import Image

app = Flask(__name__)
IMAGE_HOSTS = {"images.unsplash.com", "upload.wikimedia.org"}


@app.route("/thumb")
def thumbnail():
    src = request.args.get("src", "")
    width = min(int(request.args.get("w", "200")), 1024)
    if urlparse(src).hostname not in IMAGE_HOSTS:  # safe: host allow-list guard
        abort(400)
    resp = requests.get(src, timeout=5, stream=True)
    img = Image.open(io.BytesIO(resp.content))
    img.thumbnail((width, width))
    out = io.BytesIO()
    img.save(out, "PNG")
    out.seek(0)
    return send_file(out, mimetype="image/png")
