from flask import Flask, jsonify, request, session

from prefs import remember_preferences

app = Flask(__name__)
app.secret_key = "replace-me"


@app.put("/api/preferences")
def update_preferences():
    remember_preferences(session, request.get_json())
    return jsonify(ok=True)
