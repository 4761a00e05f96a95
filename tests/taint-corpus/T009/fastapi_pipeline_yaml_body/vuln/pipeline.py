import yaml


def parse_pipeline(raw: bytes):
    doc = yaml.load(raw, Loader=yaml.Loader)  # vuln: request body loaded with the full Loader
    return [step["name"] for step in doc.get("steps", [])]
