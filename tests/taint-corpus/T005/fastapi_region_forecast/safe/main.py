import requests
from fastapi import FastAPI

app = FastAPI()


@app.get("/forecast/{region}")
def forecast(region: str, days: int = 3):
    resp = requests.get(f"http://weather.svc.cluster.local/forecast/{region}?days={days}", timeout=5)  # safe: host fixed by a constant prefix
    return resp.json()
