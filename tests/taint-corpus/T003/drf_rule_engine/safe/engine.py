class RuleEngine:
    safe_globals = {"__builtins__": {}, "min": min, "max": max, "abs": abs}

    def evaluate(self, condition, context):
        code = compile(condition, "<rule>", "eval")
        return bool(eval(code, self.safe_globals, dict(context)))
