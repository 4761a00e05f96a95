import requests
from flask import Flask, jsonify, request

app = Flask(__name__)


def score(text):
    return sum(1 for w in text.split() if w.lower() in {"great", "good", "love"})


@app.post("/api/analyze")
def analyze():
    body = request.get_json()
    result = {"score": score(body.get("text", ""))}
    callback = f"https://callbacks.example.com/v1/{body['job_id']}" if body.get("job_id") else None  # safe: host fixed by a constant prefix
    if callback:
        requests.post(callback, json=result, timeout=3)
    return jsonify(result)
