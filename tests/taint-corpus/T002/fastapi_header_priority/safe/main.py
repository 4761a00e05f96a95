import subprocess

from fastapi import FastAPI, Header

app = FastAPI()


@app.post("/admin/reindex")
def reindex(x_priority: int = Header(default=10)):  # safe: FastAPI validates an int
    cmd = f"nice -n {x_priority} /opt/search/bin/reindex.sh --all"
    subprocess.Popen(cmd, shell=True)
    return {"started": True, "priority": x_priority}
