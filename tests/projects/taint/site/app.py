from flask import Flask, render_template, request

app = Flask(__name__)


@app.route("/profile")
def profile():
    # The template prints `bio` with |safe: the client's HTML runs.
    return render_template("page.html", bio=request.args["bio"], name="guest")


@app.route("/hello")
def hello():
    # `name` is printed escaped: not a flaw.
    return render_template("page.html", bio="<b>staff</b>", name=request.args["name"])
