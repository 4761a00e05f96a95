from fastapi import FastAPI
from pydantic import BaseModel

from exports import build_response

app = FastAPI()


class ExportRequest(BaseModel):
    filename: str = "export.csv"
    year: int = 2024


@app.post("/exports")
def export(req: ExportRequest):
    rows = [("month", "revenue")] + [(m, 1000 * m) for m in range(1, 13)]
    return build_response(rows, req.filename)
