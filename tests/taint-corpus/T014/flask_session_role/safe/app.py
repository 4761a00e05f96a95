from flask import Flask, abort, redirect, request, session, url_for

app = Flask(__name__)
app.secret_key = "replace-me"
VIEW_AS = {"viewer", "editor"}


@app.route("/workspace/view-as")
def view_as():
    role = request.args.get("role", "viewer")
    if role not in VIEW_AS:  # safe: allow-list guard
        abort(400)
    session["role"] = role
    return redirect(url_for("workspace"))


@app.route("/workspace")
def workspace():
    return f"role: {session.get('role', 'viewer')}"
