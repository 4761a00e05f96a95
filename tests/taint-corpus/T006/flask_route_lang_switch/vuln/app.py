from flask import Flask, make_response, redirect, request, url_for

app = Flask(__name__)
LANGUAGES = ("en", "de", "fr")


@app.route("/lang/<code>")
def switch_language(code):
    resp = make_response(redirect(request.referrer or "/"))  # vuln: Referer redirected to
    if code in LANGUAGES:
        resp.set_cookie("lang", code, max_age=31536000)
    return resp


@app.route("/")
def index():
    return "home"
