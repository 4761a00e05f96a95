from flask import Flask, jsonify, request

app = Flask(__name__)


@app.post("/api/echo")
def echo():
    data = request.get_json(silent=True) or {}
    message = data.get("message", "")
    return f"<pre class='echo'>{message}</pre>"  # vuln: JSON value returned as HTML
