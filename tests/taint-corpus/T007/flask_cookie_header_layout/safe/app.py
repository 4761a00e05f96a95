from flask import Flask, request

from layout import render_header, render_page

app = Flask(__name__)


@app.route("/")
def home():
    name = request.cookies.get("display_name", "guest")
    return render_page(render_header(name), "<p>Latest news</p>")
