from fastapi import FastAPI
from fastapi.responses import HTMLResponse

app = FastAPI()


@app.get("/greet", response_class=HTMLResponse)
def greet(name: str = "world"):
    return {"greeting": f"Hi {name}, welcome to the portal."}  # safe: JSON response
