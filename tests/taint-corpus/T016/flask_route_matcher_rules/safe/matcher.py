import re


class Matcher:
    def __init__(self, rules):
        self.compiled = []
        for rule in rules:
            self.compiled.append((re.compile(re.escape(rule["path"])), rule["target"]))  # safe: re.escape

    def match(self, path):
        for rx, target in self.compiled:
            if rx.match(path):
                return target
        return None
