from flask import Flask, jsonify, request
from pymongo import MongoClient

app = Flask(__name__)
users = MongoClient()["crm"]["users"]


@app.route("/api/users/lookup", methods=["GET", "POST"])
def lookup_user():
    email = request.json["email"]
    doc = users.find_one({"email": email}, {"_id": 0, "name": 1, "email": 1})  # vuln: JSON value (can be an operator dict) in a query
    return jsonify(doc or {})
