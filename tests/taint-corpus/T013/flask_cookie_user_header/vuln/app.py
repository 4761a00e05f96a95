from flask import Flask, make_response, request

app = Flask(__name__)


@app.route("/whoami")
def whoami():
    user = request.cookies.get("user", "anonymous")
    response = make_response(f"you are {len(user)} characters long")
    response.headers["X-User"] = user  # vuln: cookie in a response header
    return response
