from fastapi import FastAPI, HTTPException
from fastapi.responses import RedirectResponse

from state import decode_state

app = FastAPI()
RETURN_PATHS = {"/", "/dashboard", "/projects"}


@app.get("/oauth/callback")
async def oauth_callback(code: str, state: str):
    # token exchange elided
    return_to = decode_state(state)
    return RedirectResponse(url=return_to)  # vuln: state parameter redirected to
