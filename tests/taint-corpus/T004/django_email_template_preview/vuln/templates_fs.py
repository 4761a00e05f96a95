from pathlib import Path

TEMPLATE_ROOT = Path(__file__).resolve().parent / "email_templates"


def read_template(name):
    path = Path(TEMPLATE_ROOT, name)
    with path.open(encoding="utf-8") as fh:  # vuln: query param in a file path
        return fh.read()
