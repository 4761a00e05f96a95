import uuid

from fastapi import FastAPI, HTTPException
from pydantic import BaseModel

from transcoder import Transcoder

app = FastAPI()
PRESETS = {"ultrafast", "fast", "medium", "slow"}


class TranscodeJob(BaseModel):
    video_id: int
    preset: str = "medium"


@app.post("/videos/transcode")
def transcode(job: TranscodeJob):
    source = f"/data/videos/{job.video_id}.mov"
    target = f"/data/videos/{job.video_id}-{uuid.uuid4().hex[:6]}.mp4"
    code = Transcoder().run(source, job.preset, target)
    if code != 0:
        raise HTTPException(status_code=500, detail="transcode failed")
    return {"output": target}
