from fastapi import FastAPI
from fastapi.responses import HTMLResponse
from jinja2 import Template

app = FastAPI()


@app.get("/letters/preview", response_class=HTMLResponse)
def letter_preview(recipient: str, signature: str = "The Team"):
    letter = Template("<p>Dear {{ recipient }},</p><p>{{ body }}</p><p>{{ signature }}</p>")
    return letter.render(recipient=recipient, signature=signature, body="Your subscription renews next week.")  # safe: constant template, data as context variables
