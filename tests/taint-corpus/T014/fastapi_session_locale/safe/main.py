import re

from fastapi import FastAPI, HTTPException, Request
from starlette.middleware.sessions import SessionMiddleware

from .sessions import set_locale

app = FastAPI()
app.add_middleware(SessionMiddleware, secret_key="replace-me")
LOCALE_RE = re.compile(r"[a-z]{2}(-[A-Z]{2})?")


@app.post("/locale")
def change_locale(request: Request, locale: str):
    if not LOCALE_RE.fullmatch(locale):  # safe: regex fullmatch guard
        raise HTTPException(status_code=400)
    set_locale(request, locale)
    return {"locale": locale}
