import re

from fastapi import FastAPI

app = FastAPI()
COUNTRIES = ["Austria", "Australia", "Germany", "France", "Spain", "Sweden"]


@app.get("/countries")
def countries(pattern: str = ""):
    rx = re.compile(re.escape(pattern), re.I)  # safe: re.escape
    return [c for c in COUNTRIES if rx.search(c)]
