import shutil
from pathlib import Path

from flask import Flask, abort, jsonify, request

app = Flask(__name__)
BACKUP_DIR = Path("/var/backups/app").resolve()
DB_PATH = Path("/var/lib/app/app.db")


@app.post("/admin/restore")
def restore_backup():
    archive = request.json["archive"]
    source = (BACKUP_DIR / archive).resolve()
    if not source.is_relative_to(BACKUP_DIR):  # safe: resolve().is_relative_to guard
        abort(400)
    shutil.copy(source, DB_PATH)
    return jsonify(restored=source.name)
