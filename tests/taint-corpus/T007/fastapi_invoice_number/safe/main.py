from fastapi import FastAPI
from fastapi.responses import HTMLResponse

app = FastAPI()


@app.get("/invoices/{invoice_no}/print", response_class=HTMLResponse)
async def print_invoice(invoice_no: int):  # safe: FastAPI validates an int
    html = f"""
    <html><body onload="window.print()">
      <h1>Invoice {invoice_no}</h1>
    </body></html>
    """
    return HTMLResponse(html)
