import json
import pickle


def decode_job(payload: bytes):
    job = pickle.loads(payload)  # vuln: request body unpickled
    return job["task"], job.get("args", [])
