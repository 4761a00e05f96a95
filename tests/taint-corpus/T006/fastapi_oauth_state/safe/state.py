import base64
import json


def encode_state(return_to):
    return base64.urlsafe_b64encode(json.dumps({"return_to": return_to}).encode()).decode()


def decode_state(state):
    data = json.loads(base64.urlsafe_b64decode(state.encode()))
    return data.get("return_to", "/")
