from flask import Flask, redirect, session

app = Flask(__name__)
app.secret_key = "replace-me"


@app.route("/tenants/<tenant>/switch")
def switch_tenant(tenant):
    session["tenant"] = tenant  # vuln: route variable stored in the session unvalidated
    return redirect("/")
