import os
import sys

import requests


def main():
    port = int(os.environ.get("APP_PORT", "8000"))  # safe: converted to int
    try:
        resp = requests.get(f"http://127.0.0.1:{port}/health", timeout=2)
    except requests.RequestException:
        return 1
    return 0 if resp.ok else 1


if __name__ == "__main__":
    sys.exit(main())
