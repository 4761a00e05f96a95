import csv
import io
import sqlite3

from flask import Flask, jsonify, request

app = Flask(__name__)
IMPORT_TABLES = {"contacts": "contacts", "leads": "crm_leads", "partners": "crm_partners"}


@app.post("/import")
def import_csv():
    upload = request.files["file"]
    table = IMPORT_TABLES.get(request.form.get("table", "contacts"), "contacts")  # safe: table chosen from a dict of constants
    reader = csv.reader(io.StringIO(upload.read().decode("utf-8")))
    next(reader, None)
    rows = [(r[0], r[1]) for r in reader if len(r) >= 2]
    db = sqlite3.connect("crm.db")
    with db:
        db.executemany(f"INSERT INTO {table} (name, email) VALUES (?, ?)", rows)
    return jsonify(imported=len(rows))
