from fastapi import FastAPI, Request

from pipeline import parse_pipeline

app = FastAPI()


@app.post("/pipelines/lint")
async def lint_pipeline(request: Request):
    raw = await request.body()
    steps = parse_pipeline(raw)
    return {"steps": steps, "count": len(steps)}
