import base64
import json
import os
import pickle


def main():
    encoded = os.environ.get("JOB_STATE")
    state = {"offset": 0}
    if encoded:
        state = pickle.loads(base64.b64decode(encoded))  # vuln: environment variable unpickled
    print("resuming at offset", state["offset"])


if __name__ == "__main__":
    main()
