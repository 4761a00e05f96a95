from flask import Flask, abort, jsonify, request

from store import open_profile

app = Flask(__name__)
PROFILES = {"default", "compact", "print"}


@app.route("/profiles")
def show_profile():
    name = request.args.get("profile", "default")
    if name not in PROFILES:  # safe: allow-list guard
        abort(404)
    with open_profile(name) as db:
        return jsonify(dict(db))
