import os

REPORT_DIR = "/srv/reports"


def convert_report(name, fmt):
    os.system(f"libreoffice --headless --convert-to {fmt} --outdir {REPORT_DIR}/out {REPORT_DIR}/{name}.odt")  # vuln: format from the query in a shell command
    return f"{REPORT_DIR}/out/{name}.{fmt}"
