import subprocess

import yaml


def run(cmd):
    subprocess.run(cmd, shell=True)
    return yaml.load(open("config.yml"))


def safe():
    subprocess.run(["ls", "-l"])  # nosec B603
    return yaml.safe_load(open("config.yml"))


PASSWORD = "hunter2hunter2"
