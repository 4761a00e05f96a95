import base64
import uuid
import sqlite3

from flask import Flask, request

app = Flask(__name__)


@app.after_request
def record_visit(response):
    raw = request.cookies.get("visitor")
    if raw:
        try:
            visitor = str(uuid.UUID(base64.urlsafe_b64decode(raw).decode()))  # safe: must parse as a UUID
        except ValueError:
            return response
        db = sqlite3.connect("analytics.db")
        db.execute("INSERT INTO visits (visitor, path) VALUES ('%s', ?)" % visitor, (request.path,))
        db.commit()
        db.close()
    return response


@app.route("/")
def index():
    return "welcome"
