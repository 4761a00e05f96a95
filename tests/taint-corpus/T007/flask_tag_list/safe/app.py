from flask import Flask, request
from markupsafe import escape

app = Flask(__name__)


@app.route("/tags")
def tags():
    terms = request.args.getlist("tag")
    items = []
    for term in terms:
        items.append(f"<li class='tag'>{escape(term)}</li>")  # safe: markupsafe.escape
    return "<ul>" + "".join(items) + "</ul>"
