from flask import Flask, jsonify, request
from pymongo import MongoClient

app = Flask(__name__)
products = MongoClient()["shop"]["products"]


@app.route("/products/by-name")
def by_name():
    name = request.args.get("name", "")
    cursor = products.find({"$where": f"this.name == '{name}'"}, {"_id": 0})  # vuln: query param in a $where expression
    return jsonify(list(cursor.limit(20)))
