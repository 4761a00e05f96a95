from flask import Flask, render_template, request
from markupsafe import Markup

app = Flask(__name__)


@app.post("/comments/preview")
def preview_comment():
    comment = request.form.get("comment", "")
    author = request.form.get("author", "anonymous")
    body = Markup("<blockquote><p>{}</p><cite>{}</cite></blockquote>").format(comment, author)  # safe: Markup.format escapes its arguments
    return render_template("preview.html", body=body)
