from fastapi import FastAPI
from fastapi.responses import HTMLResponse

app = FastAPI()


@app.get("/invoices/{invoice_no}/print", response_class=HTMLResponse)
async def print_invoice(invoice_no: str):
    html = f"""
    <html><body onload="window.print()">
      <h1>Invoice {invoice_no}</h1>
    </body></html>
    """
    return HTMLResponse(html)  # vuln: path param in HTML
