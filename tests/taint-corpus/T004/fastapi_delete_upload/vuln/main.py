from pathlib import Path

from fastapi import FastAPI

app = FastAPI()
UPLOAD_DIR = Path("/srv/uploads")


@app.delete("/uploads/{file_id}")
def delete_upload(file_id: str):
    target = UPLOAD_DIR / f"{file_id}.bin"
    if target.exists():
        target.unlink()  # vuln: path param in a deleted path
        return {"deleted": True}
    return {"deleted": False}
