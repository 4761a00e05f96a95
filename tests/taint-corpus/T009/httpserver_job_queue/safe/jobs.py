import json
import pickle


def decode_job(payload: bytes):
    job = json.loads(payload)  # safe: json.loads
    return job["task"], job.get("args", [])
