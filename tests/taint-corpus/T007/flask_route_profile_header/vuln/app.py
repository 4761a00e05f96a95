from flask import Flask, render_template

app = Flask(__name__)


@app.route("/user/<username>")
def profile(username):
    return "<h2>Profile of " + username + "</h2><p>Member since 2021</p>"  # vuln: route variable in returned HTML
