from flask import Flask, abort, render_template, request

from client import StatusClient

app = Flask(__name__)
SERVERS = {"https://eu.status.example.com", "https://us.status.example.com"}


@app.post("/dashboard/status")
def server_status():
    server = request.form.get("server", "https://eu.status.example.com")
    if server not in SERVERS:  # safe: allow-list guard
        abort(400)
    data = StatusClient(server).status()
    return render_template("status.html", server=server, data=data)
