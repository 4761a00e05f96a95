import shlex
import subprocess
import tempfile


def html_to_pdf(html, title):
    with tempfile.NamedTemporaryFile("w", suffix=".html", delete=False) as src:
        src.write(html)
    out = src.name.replace(".html", ".pdf")
    cmd = "wkhtmltopdf --title %s %s %s" % (shlex.quote(title), src.name, out)  # safe: shlex.quote
    subprocess.call(cmd, shell=True)
    return out
