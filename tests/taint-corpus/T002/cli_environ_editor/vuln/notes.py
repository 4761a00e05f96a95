import os
import subprocess
import sys
import tempfile

KNOWN_EDITORS = ("vi", "vim", "nano", "emacs")


def edit(text):
    editor = os.environ.get("EDITOR", "vi")
    with tempfile.NamedTemporaryFile("w+", suffix=".md", delete=False) as fh:
        fh.write(text)
    subprocess.call(f"{editor} {fh.name}", shell=True)  # vuln: environment variable as the command
    with open(fh.name) as fh2:
        return fh2.read()


if __name__ == "__main__":
    print(edit(sys.stdin.read() if not sys.stdin.isatty() else ""))
