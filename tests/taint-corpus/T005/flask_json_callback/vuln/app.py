import requests
from flask import Flask, jsonify, request

app = Flask(__name__)


def score(text):
    return sum(1 for w in text.split() if w.lower() in {"great", "good", "love"})


@app.post("/api/analyze")
def analyze():
    body = request.get_json()
    result = {"score": score(body.get("text", ""))}
    callback = body.get("callback_url")
    if callback:
        requests.post(callback, json=result, timeout=3)  # vuln: JSON URL posted to
    return jsonify(result)
