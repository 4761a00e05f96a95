from fastapi import FastAPI
from fastapi.responses import HTMLResponse
from pydantic import BaseModel

from .render import render_invoice

app = FastAPI()


class InvoiceDraft(BaseModel):
    number: int
    total: float
    note: str = ""


@app.post("/invoices/draft", response_class=HTMLResponse)
def draft(invoice: InvoiceDraft):
    return render_invoice(invoice.number, invoice.total, invoice.note)
