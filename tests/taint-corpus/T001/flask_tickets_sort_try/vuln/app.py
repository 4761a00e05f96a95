import sqlite3
from contextlib import closing

from flask import Flask, jsonify, request

app = Flask(__name__)
DB = "helpdesk.db"
SORT_COLUMNS = {"newest": "created_at DESC", "oldest": "created_at ASC", "priority": "priority DESC"}


@app.route("/tickets")
def list_tickets():
    try:
        limit = int(request.args["limit"])
    except (KeyError, ValueError):
        limit = 20
    sort = request.args.get("sort", "created_at DESC")
    with closing(sqlite3.connect(DB)) as db:
        rows = db.execute(f"SELECT id, subject, priority FROM tickets ORDER BY {sort} LIMIT {limit}").fetchall()  # vuln: sort expression from the query string
    return jsonify([{"id": r[0], "subject": r[1], "priority": r[2]} for r in rows])
