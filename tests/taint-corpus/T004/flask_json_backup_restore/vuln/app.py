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
    shutil.copy(source, DB_PATH)  # vuln: JSON value as the copied path
    return jsonify(restored=source.name)
