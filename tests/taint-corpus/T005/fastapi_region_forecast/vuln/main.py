import requests
from fastapi import FastAPI

app = FastAPI()


@app.get("/forecast/{region}")
def forecast(region: str, days: int = 3):
    resp = requests.get(f"http://{region}.weather.svc.cluster.local/forecast?days={days}", timeout=5)  # vuln: path param as the host name
    return resp.json()
