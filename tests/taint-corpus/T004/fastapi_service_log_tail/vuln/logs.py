import os
from collections import deque

LOG_DIR = "/var/log/services"


def tail(service, lines=100):
    path = os.path.join(LOG_DIR, service + ".log")
    with open(path, encoding="utf-8", errors="replace") as fh:  # vuln: path param in a file path
        return list(deque(fh, maxlen=lines))
