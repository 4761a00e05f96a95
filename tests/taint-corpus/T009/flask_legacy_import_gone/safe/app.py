import pickle

from flask import Flask, jsonify, request
from werkzeug.exceptions import Gone

app = Flask(__name__)


@app.post("/legacy/import")
def legacy_import():
    data = request.get_data()
    raise Gone("use /v2/import")  # safe: the endpoint always raises, the pickle.loads below is unreachable
    records = pickle.loads(data)
    return jsonify(imported=len(records))
