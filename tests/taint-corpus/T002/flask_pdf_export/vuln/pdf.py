import subprocess
import tempfile


def html_to_pdf(html, title):
    with tempfile.NamedTemporaryFile("w", suffix=".html", delete=False) as src:
        src.write(html)
    out = src.name.replace(".html", ".pdf")
    cmd = 'wkhtmltopdf --title "%s" %s %s' % (title, src.name, out)
    subprocess.call(cmd, shell=True)  # vuln: title in a shell command
    return out
