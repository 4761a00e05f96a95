from flask import Flask, jsonify, request

app = Flask(__name__)


@app.post("/api/echo")
def echo():
    data = request.get_json(silent=True) or {}
    message = data.get("message", "")
    return jsonify(echo=message)  # safe: JSON response
