"""A small Flask blog/API next to the Django shop. Deliberately insecure."""
import os
import secrets
import sqlite3

import jinja2
from flask import (
    Flask,
    Markup,
    abort,
    jsonify,
    make_response,
    redirect,
    render_template,
    render_template_string,
    request,
    send_file,
    session,
)
from werkzeug.utils import secure_filename

from config import DevelopmentConfig

app = Flask(__name__)
app.config.from_object(DevelopmentConfig)

# FLAW: hard-coded payment key in code (fake, Stripe-shaped)
PAYMENT_KEY = "sk_test_FAKE1pyward1Example1Key1DoNotUse11"
# FLAW: hard-coded AWS access key id (AWS's documented example)
BACKUP_AWS_KEY = "AKIAIOSFODNN7EXAMPLE"

# FLAW: Jinja2 environment with autoescaping off (B701)
emails = jinja2.Environment(loader=jinja2.FileSystemLoader("templates"), autoescape=False)

DB_PATH = os.path.join(os.path.dirname(__file__), "blog.db")
ALLOWED_EXTENSIONS = {"png", "jpg", "jpeg", "gif", "pdf"}


def db():
    return sqlite3.connect(DB_PATH)


def allowed_file(filename):
    return "." in filename and filename.rsplit(".", 1)[1].lower() in ALLOWED_EXTENSIONS


@app.route("/hello")
def hello():
    name = request.args.get("name", "world")
    # FLAW: server-side template injection, user input in the template source
    return render_template_string("<h1>Hello " + name + "!</h1>")


@app.route("/comment", methods=["POST"])
def comment():
    text = request.form["text"]
    # FLAW: XSS, Markup() trusts user input (B704)
    html = Markup("<p class='comment'>%s</p>" % text)
    return render_template("comment.html", comment=html)


@app.route("/newsletter")
def newsletter():
    body = emails.get_template("comment.html").render(comment=request.args.get("msg", ""))
    return body


@app.route("/upload", methods=["POST"])
def upload():
    f = request.files["file"]
    # FLAW: path traversal, upload saved under the client's filename without secure_filename() (UP001)
    # FLAW: any file type stored, HTML and scripts included, with no check of what it is (UP002)
    f.save(os.path.join(app.config["UPLOAD_FOLDER"], f.filename))
    return jsonify(saved=f.filename)


@app.route("/download")
def download():
    # FLAW: arbitrary file read, send_file of a user-supplied path
    return send_file(request.args["path"])


@app.route("/posts")
def posts():
    author = request.args.get("author", "")
    # FLAW: SQL injection in sqlite3 via str.format (B608)
    rows = db().execute("SELECT title FROM posts WHERE author = '{}'".format(author)).fetchall()
    return jsonify(posts=[r[0] for r in rows])


@app.route("/login", methods=["POST"])
def login():
    session["user"] = request.form["user"]
    # FLAW: open redirect to a user-controlled URL
    return redirect(request.args.get("next", "/"))


@app.route("/remember", methods=["POST"])
def remember():
    token = secrets.token_urlsafe(32)
    resp = make_response(redirect("/"))
    # FLAW: remember-me cookie readable from JavaScript, no HttpOnly: one XSS steals it (PY017)
    resp.set_cookie("remember_token", token, max_age=30 * 24 * 3600, secure=True, samesite="Lax")
    return resp


@app.route("/safe/remember", methods=["POST"])
def safe_remember():
    token = secrets.token_urlsafe(32)
    resp = make_response(redirect("/"))
    # SAFE: Secure and HttpOnly
    resp.set_cookie("remember_token", token, max_age=30 * 24 * 3600, secure=True, httponly=True, samesite="Lax")
    return resp


@app.route("/posts/<int:post_id>/publish", methods=["POST"])
def publish(post_id):
    try:
        with db() as conn:
            conn.execute("UPDATE posts SET published = 1 WHERE id = ?", (post_id,))
    except sqlite3.Error as exc:
        # FLAW: database error text (schema, file paths) sent to the client (PY018)
        return jsonify(error=str(exc)), 500
    return jsonify(published=post_id)


@app.route("/safe/posts/<int:post_id>/publish", methods=["POST"])
def safe_publish(post_id):
    try:
        with db() as conn:
            conn.execute("UPDATE posts SET published = 1 WHERE id = ?", (post_id,))
    except sqlite3.Error:
        app.logger.exception("publishing post %s failed", post_id)
        # SAFE: details go to the log, the client gets a generic message
        return jsonify(error="could not publish the post"), 500
    return jsonify(published=post_id)


@app.route("/admin/exec", methods=["POST"])
def admin_exec():
    # FLAW: code injection, exec of request data (B102)
    exec(request.form["code"])
    return "ok"


# --- safe counterparts -------------------------------------------------------

@app.route("/safe/hello")
def safe_hello():
    # SAFE: template from a file, variables autoescaped
    return render_template("comment.html", comment=request.args.get("name", "world"))


@app.route("/safe/upload", methods=["POST"])
def safe_upload():
    f = request.files["file"]
    # SAFE: secure_filename() strips directories and dangerous characters
    name = secure_filename(f.filename)
    # SAFE: only the extensions of ALLOWED_EXTENSIONS are stored
    if not allowed_file(name):
        abort(400)
    f.save(os.path.join(app.config["UPLOAD_FOLDER"], name))
    return jsonify(saved=name)


@app.route("/safe/posts")
def safe_posts():
    # SAFE: sqlite3 placeholder
    rows = db().execute("SELECT title FROM posts WHERE author = ?", (request.args.get("author", ""),)).fetchall()
    return jsonify(posts=[r[0] for r in rows])


if __name__ == "__main__":
    # FLAW: Werkzeug debugger enabled and bound to all interfaces (B201, B104)
    app.run(debug=True, host="0.0.0.0", port=5000)
