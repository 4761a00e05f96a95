from flask import Flask, abort, jsonify, request
from pymongo import MongoClient

app = Flask(__name__)
db = MongoClient("mongodb://localhost:27017")["app"]


@app.post("/api/login")
def api_login():
    body = request.get_json()
    user = db.users.find_one({"username": str(body["username"]), "api_secret": str(body["secret"])})  # safe: values converted to str
    if user is None:
        abort(401)
    return jsonify(id=str(user["_id"]), username=user["username"])
