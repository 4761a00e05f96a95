from flask import Flask, abort, redirect, render_template, request, url_for
from flask_login import LoginManager, login_user

from models import User

app = Flask(__name__)
login_manager = LoginManager(app)
ALLOWED_NEXT = {"/", "/dashboard", "/settings", "/billing"}


@app.route("/login", methods=["GET", "POST"])
def login():
    if request.method == "GET":
        return render_template("login.html")
    user = User.query.filter_by(email=request.form["email"]).first()
    if user is None or not user.check_password(request.form["password"]):
        return render_template("login.html", error="Invalid credentials"), 401
    login_user(user)
    next_url = request.args.get("next") or url_for("index")
    return redirect(next_url)  # vuln: next parameter redirected to
