from fastapi import FastAPI
from fastapi.responses import HTMLResponse
from jinja2 import Template

app = FastAPI()


@app.get("/letters/preview", response_class=HTMLResponse)
def letter_preview(recipient: str, signature: str = "The Team"):
    letter = Template(f"<p>Dear {recipient},</p><p>{{{{ body }}}}</p><p>{signature}</p>")  # vuln: query params in the template source
    return letter.render(body="Your subscription renews next week.")
