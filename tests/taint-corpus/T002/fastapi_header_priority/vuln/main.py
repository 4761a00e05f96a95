import subprocess

from fastapi import FastAPI, Header

app = FastAPI()


@app.post("/admin/reindex")
def reindex(x_priority: str = Header(default="10")):
    cmd = f"nice -n {x_priority} /opt/search/bin/reindex.sh --all"
    subprocess.Popen(cmd, shell=True)  # vuln: header value in a shell command
    return {"started": True, "priority": x_priority}
