import html

from fastapi import FastAPI, Request
from fastapi.responses import HTMLResponse

from banners import render_banner

app = FastAPI()


@app.get("/landing")
async def landing(request: Request):
    ref = html.escape(request.query_params.get("ref", "our-newsletter"))  # safe: html.escape
    page = "<html><body>" + render_banner(ref) + "<h1>Spring sale</h1></body></html>"
    return HTMLResponse(page)
