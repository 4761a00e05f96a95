from fastapi import FastAPI, File, UploadFile

from gpx import parse_track

app = FastAPI()


@app.post("/tracks")
async def upload_track(file: UploadFile = File(...)):
    points = parse_track(await file.read())
    return {"points": len(points), "start": points[0] if points else None}
