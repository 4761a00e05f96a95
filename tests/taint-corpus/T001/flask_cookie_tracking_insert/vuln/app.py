import base64
import sqlite3

from flask import Flask, request

app = Flask(__name__)


@app.after_request
def record_visit(response):
    raw = request.cookies.get("visitor")
    if raw:
        try:
            visitor = base64.urlsafe_b64decode(raw).decode()
        except ValueError:
            return response
        db = sqlite3.connect("analytics.db")
        db.execute("INSERT INTO visits (visitor, path) VALUES ('%s', ?)" % visitor, (request.path,))  # vuln: decoded cookie in SQL
        db.commit()
        db.close()
    return response


@app.route("/")
def index():
    return "welcome"
