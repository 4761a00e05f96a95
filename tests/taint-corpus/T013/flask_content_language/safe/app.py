from flask import Flask, abort, make_response, render_template, request

app = Flask(__name__)
LANGS = {"en", "de", "fr", "it"}


@app.route("/about")
def about():
    lang = request.args.get("lang", "en")
    if lang not in LANGS:  # safe: allow-list guard
        abort(400)
    resp = make_response(render_template("about.html", lang=lang))
    resp.headers["Content-Language"] = lang
    return resp
