import base64
import json
import pickle
import zlib


class SessionStore:
    def restore(self, blob: str):
        raw = zlib.decompress(base64.b64decode(blob))
        return json.loads(raw)  # safe: json.loads

    def dump(self, state) -> str:
        return base64.b64encode(zlib.compress(json.dumps(state).encode())).decode()
