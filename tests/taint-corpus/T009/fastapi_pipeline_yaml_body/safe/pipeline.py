import yaml


def parse_pipeline(raw: bytes):
    doc = yaml.safe_load(raw)  # safe: yaml.safe_load
    return [step["name"] for step in doc.get("steps", [])]
