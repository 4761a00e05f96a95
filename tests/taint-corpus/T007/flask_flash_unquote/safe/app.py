from flask import Flask, Response, request

from flashes import render_flash

app = Flask(__name__)


@app.route("/done")
def done():
    html = render_flash(request.values.get("msg", "Saved"))
    return Response(html, mimetype="text/html")
