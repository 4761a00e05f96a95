from flask import Flask, jsonify, request
from pymongo import MongoClient

app = Flask(__name__)
products = MongoClient()["shop"]["products"]


@app.route("/products/by-name")
def by_name():
    name = request.args.get("name", "")
    cursor = products.find({"name": name}, {"_id": 0})  # safe: plain equality on a string, no $where
    return jsonify(list(cursor.limit(20)))
