import shlex

from fastapi import BackgroundTasks, FastAPI

from tasks import send_report

app = FastAPI()


@app.post("/reports/email")
def email_report(email: str, background_tasks: BackgroundTasks):
    recipient = email
    background_tasks.add_task(send_report, recipient, "/srv/reports/latest.txt")
    return {"queued": True}
