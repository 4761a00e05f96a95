import subprocess


def deploy(branch):
    script = "cd /srv/app && git fetch origin && git checkout " + branch + " && make deploy"
    return subprocess.call(script, shell=True)
