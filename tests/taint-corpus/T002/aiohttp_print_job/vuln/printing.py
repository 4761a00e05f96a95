import os
import tempfile


def print_document(printer, content: bytes, copies=1):
    fd, path = tempfile.mkstemp(suffix=".pdf")
    with os.fdopen(fd, "wb") as fh:
        fh.write(content)
    os.system("lp -d %s -n %d %s" % (printer, copies, path))  # vuln: printer name in a shell command
    os.unlink(path)
