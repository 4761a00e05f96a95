from flask import Flask, jsonify, request

from orders import load_orders

app = Flask(__name__)


@app.post("/api/orders/filter")
def filter_orders():
    body = request.get_json()
    min_total = body.get("min_total", "0")
    predicate = eval(f"lambda row: row['total'] >= {min_total}")  # vuln: JSON value spliced into evaluated code
    return jsonify([o for o in load_orders() if predicate(o)])
