import re


class Matcher:
    def __init__(self, rules):
        self.compiled = []
        for rule in rules:
            self.compiled.append((re.compile(rule["path"]), rule["target"]))  # vuln: JSON value compiled as a regex

    def match(self, path):
        for rx, target in self.compiled:
            if rx.match(path):
                return target
        return None
