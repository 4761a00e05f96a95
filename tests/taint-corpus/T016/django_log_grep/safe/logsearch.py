import re


def grep(pattern, path="/var/log/app/app.log", limit=200):
    out = []
    with open(path, encoding="utf-8", errors="replace") as fh:
        for line in fh:
            if re.search(pattern, line):
                out.append(line.rstrip("\n"))
                if len(out) >= limit:
                    break
    return out
