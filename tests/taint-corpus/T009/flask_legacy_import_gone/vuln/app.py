import pickle

from flask import Flask, jsonify, request
from werkzeug.exceptions import Gone

app = Flask(__name__)


@app.post("/legacy/import")
def legacy_import():
    data = request.get_data()
    records = pickle.loads(data)  # vuln: request body unpickled
    return jsonify(imported=len(records))
