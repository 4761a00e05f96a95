from flask import Flask, redirect, session

app = Flask(__name__)
app.secret_key = "replace-me"


@app.route("/tenants/<int:tenant>/switch")  # safe: int converter
def switch_tenant(tenant):
    session["tenant"] = tenant
    return redirect("/")
