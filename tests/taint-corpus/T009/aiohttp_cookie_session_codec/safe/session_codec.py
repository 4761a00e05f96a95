import base64
import json
import pickle


def decode(raw: str) -> dict:
    data = base64.b64decode(raw.encode("ascii"))
    return json.loads(data)  # safe: json.loads


def encode(state: dict) -> str:
    return base64.b64encode(json.dumps(state).encode()).decode("ascii")
