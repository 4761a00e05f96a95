import re

from flask import Flask, abort, redirect, request, session

app = Flask(__name__)
app.secret_key = "replace-me"
CURRENCY_RE = re.compile(r"[A-Z]{3}")


@app.post("/preferences/currency")
def set_currency():
    currency = request.form.get("currency", "EUR").upper()
    if not CURRENCY_RE.fullmatch(currency):  # safe: regex fullmatch guard
        abort(400)
    session["currency"] = currency
    return redirect("/")
