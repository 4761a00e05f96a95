import subprocess
from pathlib import Path

WORKSPACE = Path("/srv/builds")


def clone_repo(url, name):
    dest = WORKSPACE / name
    subprocess.run(["git", "clone", "--depth", "1", "--", url, str(dest)], check=True)  # safe: argument list, no shell
    return dest
