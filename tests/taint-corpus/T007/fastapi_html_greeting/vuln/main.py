from fastapi import FastAPI
from fastapi.responses import HTMLResponse

app = FastAPI()


@app.get("/greet", response_class=HTMLResponse)
def greet(name: str = "world"):
    return HTMLResponse(f"<p>Hi {name}, welcome to the portal.</p>")  # vuln: query param in HTML
