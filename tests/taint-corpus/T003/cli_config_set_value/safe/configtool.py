"""usage: configtool.py KEY VALUE  -- VALUE is a Python literal"""
import ast
import json
import sys
from pathlib import Path

CONFIG = Path.home() / ".myapp" / "config.json"


def main(argv):
    key, raw_value = argv[1], argv[2]
    value = ast.literal_eval(raw_value)  # safe: ast.literal_eval only accepts literals
    data = json.loads(CONFIG.read_text()) if CONFIG.exists() else {}
    data[key] = value
    CONFIG.parent.mkdir(parents=True, exist_ok=True)
    CONFIG.write_text(json.dumps(data, indent=2))


if __name__ == "__main__":
    main(sys.argv)
