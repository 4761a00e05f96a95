import subprocess
from pathlib import Path

WORKSPACE = Path("/srv/builds")


def clone_repo(url, name):
    dest = WORKSPACE / name
    subprocess.run("git clone --depth 1 %s %s" % (url, dest), shell=True, check=True)  # vuln: repository URL in a shell command
    return dest
