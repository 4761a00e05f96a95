from flask import Flask, render_template, request

from prefs import load_prefs

app = Flask(__name__)


@app.route("/inbox")
def inbox():
    prefs = load_prefs(request.cookies.get("prefs"))
    return render_template("inbox.html", theme=prefs["theme"], page_size=prefs["page_size"])
