import subprocess
import uuid


def submit(job):
    cmd = f"/opt/batch/bin/enqueue --label {job['name']} --script /opt/batch/jobs/nightly.sh"
    subprocess.run(cmd, shell=True, check=True)  # vuln: job name from the form in a shell command
    return job["id"]


def new_job(name, owner):
    return {"id": uuid.uuid4().hex, "name": name, "owner": owner}
