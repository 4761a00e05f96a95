from pathlib import Path

from django.utils._os import safe_join

TEMPLATE_ROOT = Path(__file__).resolve().parent / "email_templates"


def read_template(name):
    path = Path(safe_join(TEMPLATE_ROOT, name))  # safe: django safe_join raises on traversal
    with path.open(encoding="utf-8") as fh:
        return fh.read()
