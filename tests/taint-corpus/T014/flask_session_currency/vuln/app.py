import re

from flask import Flask, abort, redirect, request, session

app = Flask(__name__)
app.secret_key = "replace-me"
CURRENCY_RE = re.compile(r"[A-Z]{3}")


@app.post("/preferences/currency")
def set_currency():
    currency = request.form.get("currency", "EUR").upper()
    session["currency"] = currency  # vuln: form field stored in the session unvalidated
    return redirect("/")
