import os

from flask import Flask, request, send_file, send_from_directory

app = Flask(__name__)
REPORTS = os.path.join(os.path.dirname(__file__), "reports")


@app.route("/reports/download")
def download_report():
    name = request.args.get("name", "latest.pdf")
    return send_file(os.path.join(REPORTS, name), as_attachment=True)  # vuln: query param joined into a file path
