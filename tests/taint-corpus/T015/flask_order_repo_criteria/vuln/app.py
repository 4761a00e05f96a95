from flask import Flask, jsonify, request

from repo import OrderRepo

app = Flask(__name__)
orders = OrderRepo()


@app.post("/api/orders/search")
def search_orders():
    criteria = request.json
    return jsonify(orders.search(criteria))
