import json
import pickle

from fastapi import FastAPI, File, UploadFile

app = FastAPI()


@app.post("/experiments/import")
async def import_experiment(file: UploadFile = File(...)):
    content = await file.read()
    experiment = json.loads(content)  # safe: json.loads
    return {"name": experiment.get("name"), "runs": len(experiment.get("runs", []))}
