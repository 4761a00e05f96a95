import subprocess
import uuid


def submit(job):
    cmd = f"/opt/batch/bin/enqueue --label {job['id']} --script /opt/batch/jobs/nightly.sh"  # safe: reads the generated "id" key, not the user-supplied "name"
    subprocess.run(cmd, shell=True, check=True)
    return job["id"]


def new_job(name, owner):
    return {"id": uuid.uuid4().hex, "name": name, "owner": owner}
