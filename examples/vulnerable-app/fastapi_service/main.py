"""Internal inventory API (FastAPI). Deliberately insecure where marked."""
import os
import shutil

import uvicorn
from fastapi import FastAPI, File, UploadFile
from fastapi.middleware.cors import CORSMiddleware

# FLAW: debug tracebacks returned to clients; interactive docs public
app = FastAPI(debug=True, docs_url="/docs", openapi_url="/openapi.json")

# FLAW: any origin may send credentialed requests
app.add_middleware(
    CORSMiddleware,
    allow_origins=["*"],
    allow_credentials=True,
    allow_methods=["*"],
    allow_headers=["*"],
)

# FLAW: hard-coded admin token
ADMIN_TOKEN = "inventory-admin-token-0000"


@app.get("/stock/{sku}")
def stock(sku: str):
    # FLAW: shell injection, path parameter in a shell command (B605)
    count = os.popen("grep -c " + sku + " /srv/inventory.csv").read()
    return {"sku": sku, "count": count.strip()}


@app.post("/images")
async def upload_image(image: UploadFile = File(...)):
    # FLAW: path traversal, client filename used as is; no type or size check
    with open(os.path.join("uploads", image.filename), "wb") as out:
        shutil.copyfileobj(image.file, out)
    return {"stored": image.filename}


if __name__ == "__main__":
    # FLAW: bound to all interfaces with auto-reload (B104)
    uvicorn.run("main:app", host="0.0.0.0", port=8001, reload=True)
