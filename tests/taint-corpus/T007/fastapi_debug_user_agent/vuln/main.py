import html
from typing import Union

from fastapi import FastAPI, Header, Request

from pages import debug_page

app = FastAPI()


@app.get("/debug/client")
def client_info(request: Request, user_agent: Union[str, None] = Header(default=None)):
    ua = user_agent or "-"
    return debug_page(ua, request.client.host if request.client else "-")
