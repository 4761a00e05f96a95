import os


def send_report(email: str, report_path: str) -> None:
    os.system(f"mail -s 'Your report' {email} < {report_path}")  # vuln: query param in a shell command (run as a background task)
