import psycopg2
from flask import Flask, abort, jsonify

app = Flask(__name__)
conn = psycopg2.connect("dbname=shop user=shop")


@app.route("/api/orders/<int:order_id>")  # safe: int converter
def get_order(order_id):
    with conn.cursor() as cur:
        cur.execute("SELECT id, status, total FROM orders WHERE id = %s" % order_id)
        row = cur.fetchone()
    if not row:
        abort(404)
    return jsonify(id=row[0], status=row[1], total=float(row[2]))
