from flask import Flask, abort, request, session

from auth import authenticate

app = Flask(__name__)
app.secret_key = "change-me"


@app.post("/login")
def login():
    username = request.form["username"]
    dn = authenticate(username, request.form["password"])
    if dn is None:
        abort(401)
    session["dn"] = dn
    return {"ok": True}
