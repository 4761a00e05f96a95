from flask import Flask, render_template, request
from markupsafe import Markup

app = Flask(__name__)


@app.post("/comments/preview")
def preview_comment():
    comment = request.form.get("comment", "")
    author = request.form.get("author", "anonymous")
    body = Markup(f"<blockquote><p>{comment}</p><cite>{author}</cite></blockquote>")  # vuln: request text wrapped in Markup
    return render_template("preview.html", body=body)
