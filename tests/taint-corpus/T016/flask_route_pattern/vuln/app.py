import re

from flask import Flask, abort, jsonify

app = Flask(__name__)
WORDS = open("/usr/share/dict/words").read().split()


@app.route("/words/<pattern>")
def words(pattern):
    rx = re.compile(pattern)  # vuln: route variable compiled as a regex
    return jsonify([w for w in WORDS if rx.search(w)][:50])
