from flask import Flask, jsonify, request
from flask_login import current_user, login_required

from jobs import new_job, submit

app = Flask(__name__)


@app.post("/jobs")
@login_required
def create_job():
    job = new_job(request.form.get("name", "nightly"), current_user.id)
    return jsonify(id=submit(job)), 202
