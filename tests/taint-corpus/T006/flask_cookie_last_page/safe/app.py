from flask import Flask, redirect, request, url_for

app = Flask(__name__)


@app.route("/resume")
def resume():
    last_page = request.cookies.get("last_page", "/")
    return redirect(url_for("page", slug=last_page))  # safe: redirect to url_for()


@app.route("/pages/<slug>")
def page(slug):
    return f"page {slug}"
