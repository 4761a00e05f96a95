import re


def build_filter(expr):
    rx = re.compile(expr)  # vuln: query string compiled as a regex
    return lambda line: rx.search(line) is not None
