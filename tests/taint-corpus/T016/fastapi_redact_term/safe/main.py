from fastapi import FastAPI
from pydantic import BaseModel

from .redact import redact

app = FastAPI()


class RedactRequest(BaseModel):
    text: str
    term: str


@app.post("/redact")
def redact_text(req: RedactRequest):
    return {"text": redact(req.text, req.term)}
