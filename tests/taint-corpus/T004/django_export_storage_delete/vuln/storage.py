import os
from pathlib import Path


class ExportStorage:
    def __init__(self, root="/srv/exports"):
        self.root = Path(root).resolve()

    def delete(self, name):
        target = (self.root / name).resolve()
        os.remove(target)  # vuln: form field joined into a deleted path
        return target.name
