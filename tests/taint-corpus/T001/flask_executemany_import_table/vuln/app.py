import csv
import io
import sqlite3

from flask import Flask, jsonify, request

app = Flask(__name__)
IMPORT_TABLES = {"contacts": "contacts", "leads": "crm_leads", "partners": "crm_partners"}


@app.post("/import")
def import_csv():
    upload = request.files["file"]
    table = request.form.get("table", "contacts")
    reader = csv.reader(io.StringIO(upload.read().decode("utf-8")))
    next(reader, None)
    rows = [(r[0], r[1]) for r in reader if len(r) >= 2]
    db = sqlite3.connect("crm.db")
    with db:
        db.executemany(f"INSERT INTO {table} (name, email) VALUES (?, ?)", rows)  # vuln: table name from the form
    return jsonify(imported=len(rows))
