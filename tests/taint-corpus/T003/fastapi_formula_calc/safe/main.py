import re

from fastapi import FastAPI, HTTPException
from pydantic import BaseModel

from .calc import evaluate

app = FastAPI()
ARITHMETIC = re.compile(r"[0-9+\-*/(). ]+")


class Formula(BaseModel):
    expression: str
    precision: int = 2


@app.post("/calculate")
def calculate(formula: Formula):
    expr = formula.expression
    if not ARITHMETIC.fullmatch(expr):  # safe: only digits and arithmetic operators
        raise HTTPException(status_code=400, detail="not an arithmetic expression")
    try:
        result = evaluate(expr)
    except (SyntaxError, ZeroDivisionError, TypeError) as exc:
        raise HTTPException(status_code=400, detail=str(exc))
    return {"result": round(result, formula.precision)}
