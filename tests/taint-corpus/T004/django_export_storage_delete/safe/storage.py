import os
from pathlib import Path


class ExportStorage:
    def __init__(self, root="/srv/exports"):
        self.root = Path(root).resolve()

    def delete(self, name):
        target = (self.root / name).resolve()
        if not target.is_relative_to(self.root):  # safe: resolve().is_relative_to guard
            raise PermissionError(name)
        os.remove(target)
        return target.name
