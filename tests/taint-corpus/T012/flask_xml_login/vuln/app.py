import hashlib

from flask import Flask, abort, request, session
from lxml import etree

app = Flask(__name__)
app.secret_key = "dev"
ACCOUNTS = etree.parse("accounts.xml")


@app.post("/login")
def login():
    username = request.form.get("username", "")
    digest = hashlib.sha256(request.form.get("password", "").encode()).hexdigest()
    query = "//account[username/text()='" + username + "' and pwhash/text()='" + digest + "']"
    found = ACCOUNTS.xpath(query)  # vuln: form field in an XPath expression
    if not found:
        abort(401)
    session["user"] = username
    return {"ok": True}
