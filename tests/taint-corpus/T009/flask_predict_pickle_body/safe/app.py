import json
import pickle

import numpy as np
from flask import Flask, jsonify, request

from model import load_model

app = Flask(__name__)
model = load_model()


@app.post("/predict")
def predict():
    features = json.loads(request.data)  # safe: json.loads
    X = np.asarray(features, dtype=float).reshape(1, -1)
    return jsonify(prediction=float(model.predict(X)[0]))
