from flask import Flask, redirect, request, url_for

app = Flask(__name__)


@app.route("/resume")
def resume():
    last_page = request.cookies.get("last_page", "/")
    return redirect(last_page)  # vuln: cookie redirected to


@app.route("/pages/<slug>")
def page(slug):
    return f"page {slug}"
