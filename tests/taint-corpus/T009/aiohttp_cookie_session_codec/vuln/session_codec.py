import base64
import json
import pickle


def decode(raw: str) -> dict:
    data = base64.b64decode(raw.encode("ascii"))
    return pickle.loads(data)  # vuln: cookie unpickled


def encode(state: dict) -> str:
    return base64.b64encode(json.dumps(state).encode()).decode("ascii")
