from fastapi import FastAPI
from fastapi.responses import RedirectResponse

app = FastAPI()


@app.get("/continue")
def continue_flow(to: str = "home"):
    return RedirectResponse(to, status_code=302)  # vuln: query param redirected to
