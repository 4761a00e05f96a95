import os

from fastapi import FastAPI, HTTPException
from fastapi.responses import FileResponse

app = FastAPI()
DOCS = os.path.realpath("public/docs")


@app.get("/docs/file")
def doc_file(name: str):
    full = os.path.realpath(f"{DOCS}/{name}")
    if not os.path.exists(full):
        raise HTTPException(status_code=404)
    return FileResponse(full)  # vuln: query param in a served path
