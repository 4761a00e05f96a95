import sqlite3

from flask import Flask, abort, jsonify, request

app = Flask(__name__)
SORTABLE = {"name", "created_at", "price"}


@app.post("/api/products/query")
def query_products():
    body = request.get_json(force=True)
    order = body.get("sort", "name")
    direction = "DESC" if body.get("desc") else "ASC"
    if order not in SORTABLE:  # safe: allow-list guard
        abort(400)
    db = sqlite3.connect("catalog.db")
    try:
        rows = db.execute(f"SELECT id, name, price FROM products ORDER BY {order} {direction}").fetchall()
    finally:
        db.close()
    return jsonify(rows)
