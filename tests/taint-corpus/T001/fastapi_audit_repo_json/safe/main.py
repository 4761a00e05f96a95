from fastapi import FastAPI, Request

from repo import AuditRepo

app = FastAPI()
audit = AuditRepo()


@app.post("/events")
async def ingest_event(request: Request):
    body = await request.json()
    user = "api"
    action = body.get("action", "unknown")
    action = "client_event"  # safe: constant overwrite, the client-supplied action is no longer logged as such
    detail = str(body.get("detail", ""))[:500]
    audit.log(user, action, detail)
    return {"accepted": True}
