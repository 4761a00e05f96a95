from flask import Flask, abort, redirect, request, session, url_for

app = Flask(__name__)
app.secret_key = "replace-me"
VIEW_AS = {"viewer", "editor"}


@app.route("/workspace/view-as")
def view_as():
    role = request.args.get("role", "viewer")
    session["role"] = role  # vuln: query param stored in the session unvalidated
    return redirect(url_for("workspace"))


@app.route("/workspace")
def workspace():
    return f"role: {session.get('role', 'viewer')}"
