import html
from typing import Union

from fastapi import FastAPI, Header, Request

from pages import debug_page

app = FastAPI()


@app.get("/debug/client")
def client_info(request: Request, user_agent: Union[str, None] = Header(default=None)):
    ua = html.escape(user_agent or "-")  # safe: html.escape
    return debug_page(ua, request.client.host if request.client else "-")
