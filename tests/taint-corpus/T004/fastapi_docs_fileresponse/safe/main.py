import os

from fastapi import FastAPI, HTTPException
from fastapi.responses import FileResponse

app = FastAPI()
DOCS = os.path.realpath("public/docs")


@app.get("/docs/file")
def doc_file(name: str):
    full = os.path.realpath(f"{DOCS}/{name}")
    if not full.startswith(DOCS + os.sep) or not os.path.exists(full):  # safe: realpath prefix guard
        raise HTTPException(status_code=404)
    return FileResponse(full)
