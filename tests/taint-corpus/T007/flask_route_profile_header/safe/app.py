from flask import Flask, render_template

app = Flask(__name__)


@app.route("/user/<username>")
def profile(username):
    return render_template("profile.html", username=username)  # safe: autoescaped template
