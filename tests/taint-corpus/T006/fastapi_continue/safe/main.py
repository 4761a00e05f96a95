from fastapi import FastAPI
from fastapi.responses import RedirectResponse

app = FastAPI()


@app.get("/continue")
def continue_flow(to: str = "home"):
    return RedirectResponse("/app/" + to, status_code=302)  # safe: constant path prefix
