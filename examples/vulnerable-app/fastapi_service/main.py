"""Internal inventory API (FastAPI). Deliberately insecure where marked."""
import hashlib
import hmac
import os
import shutil
from datetime import datetime, timedelta, timezone

import jwt
import uvicorn
from fastapi import Depends, FastAPI, File, Header, HTTPException, Request, UploadFile
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

# FLAW: hard-coded admin token (SEC005)
ADMIN_TOKEN = "inventory-admin-token-0000"

# SAFE: signing and webhook keys come from the environment
JWT_KEY = os.environ["INVENTORY_JWT_KEY"]
WEBHOOK_KEY = os.environ["SUPPLIER_WEBHOOK_KEY"].encode()


def issue_token(username: str) -> str:
    claims = {"sub": username, "exp": datetime.now(timezone.utc) + timedelta(minutes=15)}
    # FLAW: tokens signed with a short key written in the source: anyone can mint one (PY015)
    return jwt.encode(claims, "inventory-jwt-key", algorithm="HS256")


def safe_issue_token(username: str) -> str:
    claims = {"sub": username, "exp": datetime.now(timezone.utc) + timedelta(minutes=15)}
    # SAFE: key from the environment
    return jwt.encode(claims, JWT_KEY, algorithm="HS256")


def bearer(authorization: str = Header("")) -> str:
    scheme, _, token = authorization.partition(" ")
    return token.strip() if scheme.lower() == "bearer" else ""


def current_user_unverified(token: str = Depends(bearer)) -> str:
    # FLAW: signature not checked, any self-made token is accepted (PY013)
    claims = jwt.decode(token, options={"verify_signature": False})
    return claims["sub"]


def current_user_no_expiry(token: str = Depends(bearer)) -> str:
    # FLAW: expiry not checked, a leaked token works forever (PY014)
    claims = jwt.decode(token, JWT_KEY, algorithms=["HS256"], options={"verify_exp": False})
    return claims["sub"]


def current_user(token: str = Depends(bearer)) -> str:
    try:
        # SAFE: signature, algorithm allow-list and expiry all checked; exp and sub required
        claims = jwt.decode(token, JWT_KEY, algorithms=["HS256"], options={"require": ["exp", "sub"]})
    except jwt.InvalidTokenError:
        raise HTTPException(status_code=401, detail="invalid token") from None
    return claims["sub"]


@app.get("/reports/stock")
def stock_report(user: str = Depends(current_user_unverified)):
    return {"requested_by": user, "rows": []}


@app.get("/reports/prices")
def price_report(user: str = Depends(current_user_no_expiry)):
    return {"requested_by": user, "rows": []}


@app.get("/safe/reports/stock")
def safe_stock_report(user: str = Depends(current_user)):
    return {"requested_by": user, "rows": []}


@app.post("/webhooks/supplier")
async def supplier_webhook(request: Request, x_signature: str = Header("")):
    body = await request.body()
    expected = hmac.new(WEBHOOK_KEY, body, hashlib.sha256).hexdigest()
    # FLAW: signature compared with !=, the time taken leaks how many characters match (PY005)
    if x_signature != expected:
        raise HTTPException(status_code=403)
    return {"accepted": True}


@app.post("/safe/webhooks/supplier")
async def safe_supplier_webhook(request: Request, x_signature: str = Header("")):
    body = await request.body()
    expected = hmac.new(WEBHOOK_KEY, body, hashlib.sha256).hexdigest()
    # SAFE: constant-time comparison
    if not hmac.compare_digest(x_signature, expected):
        raise HTTPException(status_code=403)
    return {"accepted": True}


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
