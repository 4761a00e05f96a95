import re

from fastapi import FastAPI

app = FastAPI()
COUNTRIES = ["Austria", "Australia", "Germany", "France", "Spain", "Sweden"]


@app.get("/countries")
def countries(pattern: str = ""):
    rx = re.compile(pattern, re.I)  # vuln: query param compiled as a regex
    return [c for c in COUNTRIES if rx.search(c)]
