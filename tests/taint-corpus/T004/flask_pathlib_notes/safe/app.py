from pathlib import Path

from flask import Flask, request

app = Flask(__name__)
NOTES = Path(__file__).parent / "notes"


@app.route("/notes/view")
def view_note():
    note = Path(request.values.get("note", "README.md")).name  # safe: only the final path component
    text = (NOTES / note).read_text(encoding="utf-8")
    return {"note": note, "text": text}
