from flask import Flask, jsonify, request

from matcher import Matcher

app = Flask(__name__)


@app.post("/routing/test")
def test_routing():
    body = request.get_json()
    matcher = Matcher(body.get("rules", []))
    return jsonify({p: matcher.match(p) for p in body.get("paths", [])})
