import hashlib
import sqlite3

from flask import Flask, g, redirect, render_template, request, session, url_for

app = Flask(__name__)
app.secret_key = "dev"
DATABASE = "users.db"


def get_db():
    if "db" not in g:
        g.db = sqlite3.connect(DATABASE)
    return g.db


@app.route("/login", methods=["GET", "POST"])
def login():
    if request.method == "GET":
        return render_template("login.html")
    username = request.form["username"]
    pw_hash = hashlib.sha256(request.form["password"].encode()).hexdigest()
    cur = get_db().cursor()
    cur.execute("SELECT id FROM users WHERE username = ? AND password_hash = ?", (username, pw_hash))  # safe: parameterised query
    row = cur.fetchone()
    if row is None:
        return render_template("login.html", error="Invalid credentials"), 401
    session["user_id"] = row[0]
    return redirect(url_for("dashboard"))


@app.route("/dashboard")
def dashboard():
    return render_template("dashboard.html")
