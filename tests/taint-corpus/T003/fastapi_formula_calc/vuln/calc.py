def evaluate(expression: str) -> float:
    expression = expression.replace("^", "**")
    return float(eval(expression, {"__builtins__": None}, {}))  # vuln: body field evaluated
