import base64
import json
import os
import pickle


def main():
    encoded = os.environ.get("JOB_STATE")
    state = {"offset": 0}
    if encoded:
        state = json.loads(base64.b64decode(encoded))  # safe: json.loads
    print("resuming at offset", state["offset"])


if __name__ == "__main__":
    main()
