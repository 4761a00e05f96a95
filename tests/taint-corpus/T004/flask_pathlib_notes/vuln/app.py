from pathlib import Path

from flask import Flask, request

app = Flask(__name__)
NOTES = Path(__file__).parent / "notes"


@app.route("/notes/view")
def view_note():
    note = request.values.get("note", "README.md")
    text = (NOTES / note).read_text(encoding="utf-8")  # vuln: request value in a file path
    return {"note": note, "text": text}
