import re


def build_filter(expr):
    rx = re.compile(expr)
    return lambda line: rx.search(line) is not None
