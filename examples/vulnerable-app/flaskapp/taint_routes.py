"""Request data followed into dangerous sinks (pyward's taint rules), Flask side.

A Blueprint for app.py (`app.register_blueprint(bp)`; the project is never
run). Each vulnerable route is followed by its safe twin. `# vulnerable: T0NN`
marks the line above the sink a flow reaches; `# safe twin:` the line above
the same sink in the twin, where nothing dangerous arrives.
"""
import csv
import io
import json
import os
# FLAW: pickle imported for untrusted data (B403)
import pickle
import re
import sqlite3
import subprocess

import requests
from flask import Blueprint, jsonify, make_response, render_template_string, request

bp = Blueprint("taint", __name__, url_prefix="/taint")

DB_PATH = os.path.join(os.path.dirname(__file__), "blog.db")
FEED_HOSTS = {"feeds.example.com", "news.example.org"}
EXPORT_FORMATS = {"csv", "txt"}


def db():
    return sqlite3.connect(DB_PATH)


def posts_csv():
    out = io.StringIO()
    csv.writer(out).writerows(db().execute("SELECT id, title, author FROM posts").fetchall())
    return out.getvalue()


@bp.route("/whois/<domain>")
def whois(domain):
    # vulnerable: T002 command injection, the route variable in a shell command (/whois/x;id)
    result = subprocess.run("whois " + domain, shell=True, capture_output=True, text=True, timeout=10)
    return jsonify(domain=domain, whois=result.stdout)


@bp.route("/safe/whois/<domain>")
def safe_whois(domain):
    # safe twin: an argument list, no shell; "--" ends the options, so the domain is only a domain
    result = subprocess.run(["whois", "--", domain], capture_output=True, text=True, timeout=10)
    return jsonify(domain=domain, whois=result.stdout)


@bp.route("/feeds/preview")
def feed_preview():
    url = request.args.get("url", "")
    # vulnerable: T005 SSRF, the server fetches any URL, http://169.254.169.254/ and intranet hosts included
    resp = requests.get(url, timeout=5)
    return jsonify(status=resp.status_code, size=len(resp.content))


@bp.route("/safe/feeds/preview")
def safe_feed_preview():
    host = request.args.get("host", "")
    if host not in FEED_HOSTS:
        return jsonify(error="unknown feed host"), 400
    # safe twin: fixed scheme and path, a host from the allow-list
    resp = requests.get(f"https://{host}/rss.xml", timeout=5)
    return jsonify(status=resp.status_code, size=len(resp.content))


@bp.route("/cards", methods=["POST"])
def save_card():
    message = request.form.get("message", "")
    # vulnerable: T008 server-side template injection, a message of {{ config.SECRET_KEY }} is evaluated
    html = render_template_string("<div class='card'><p>" + message + "</p></div>")
    with db() as conn:
        conn.execute("INSERT INTO cards (html) VALUES (?)", (html,))
    return jsonify(saved=True)


@bp.route("/safe/cards", methods=["POST"])
def safe_save_card():
    message = request.form.get("message", "")
    # safe twin: a constant template; the message is a variable, autoescaped
    html = render_template_string("<div class='card'><p>{{ message }}</p></div>", message=message)
    with db() as conn:
        conn.execute("INSERT INTO cards (html) VALUES (?)", (html,))
    return jsonify(saved=True)


@bp.route("/cart/restore", methods=["POST"])
def restore_cart():
    # vulnerable: T009 unsafe deserialization, unpickling an uploaded file runs code of the sender's choice
    cart = pickle.load(request.files["cart"])
    return jsonify(items=len(cart))


@bp.route("/safe/cart/restore", methods=["POST"])
def safe_restore_cart():
    # safe twin: JSON builds plain data only
    cart = json.load(request.files["cart"])
    return jsonify(items=len(cart))


@bp.route("/exports/posts")
def export_posts():
    name = request.args.get("name", "posts.csv")
    resp = make_response(posts_csv())
    resp.headers["Content-Type"] = "text/csv"
    # vulnerable: T013 header injection, the client's text in a response header
    resp.headers["Content-Disposition"] = "attachment; filename=" + name
    return resp


@bp.route("/safe/exports/posts")
def safe_export_posts():
    fmt = request.args.get("format", "csv")
    if fmt not in EXPORT_FORMATS:
        return jsonify(error="unknown format"), 400
    resp = make_response(posts_csv())
    resp.headers["Content-Type"] = "text/csv"
    # safe twin: the client only picks a format from the allow-list
    resp.headers["Content-Disposition"] = "attachment; filename=posts." + fmt
    return resp


@bp.route("/posts/search")
def search_titles():
    titles = [row[0] for row in db().execute("SELECT title FROM posts").fetchall()]
    # vulnerable: T016 regex injection, the client's pattern, e.g. (a+)+$, can backtrack for minutes
    pattern = re.compile(request.args.get("q", ""), re.IGNORECASE)
    return jsonify(posts=[t for t in titles if pattern.search(t)])


@bp.route("/safe/posts/search")
def safe_search_titles():
    titles = [row[0] for row in db().execute("SELECT title FROM posts").fetchall()]
    # safe twin: re.escape makes the query a literal text to look for
    pattern = re.compile(re.escape(request.args.get("q", "")), re.IGNORECASE)
    return jsonify(posts=[t for t in titles if pattern.search(t)])
