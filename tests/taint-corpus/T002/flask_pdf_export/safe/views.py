from flask import Blueprint, render_template, request, send_file

from .pdf import html_to_pdf

bp = Blueprint("reports", __name__)


@bp.post("/reports/export")
def export_report():
    title = request.form.get("title", "Report")
    html = render_template("report.html", rows=[], title=title)
    return send_file(html_to_pdf(html, title), mimetype="application/pdf")
