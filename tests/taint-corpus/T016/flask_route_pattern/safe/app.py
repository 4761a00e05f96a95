import re

from flask import Flask, abort, jsonify

app = Flask(__name__)
WORDS = open("/usr/share/dict/words").read().split()


@app.route("/words/<pattern>")
def words(pattern):
    if not pattern.isalnum():  # safe: isalnum guard (no regex metacharacters)
        abort(400)
    rx = re.compile(pattern)
    return jsonify([w for w in WORDS if rx.search(w)][:50])
