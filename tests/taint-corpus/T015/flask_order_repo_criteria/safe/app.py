from flask import Flask, jsonify, request

from repo import OrderRepo

app = Flask(__name__)
orders = OrderRepo()


@app.post("/api/orders/search")
def search_orders():
    criteria = {"status": str(request.json.get("status", "open"))}  # safe: query built from a str value under a constant key
    return jsonify(orders.search(criteria))
