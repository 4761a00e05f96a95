from flask import Flask, jsonify, request

app = Flask(__name__)


@app.route("/api/prices")
def prices():
    ttl = int(request.args.get("ttl", "60"))  # safe: converted to int
    resp = jsonify(eur=1.0, usd=1.08)
    resp.headers["Cache-Control"] = f"public, max-age={ttl}"
    return resp
