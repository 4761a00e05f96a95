from xml.etree import ElementTree

from fastapi import FastAPI, Request
from lxml import etree

app = FastAPI()


@app.post("/shipments")
async def create_shipment(request: Request):
    raw = await request.body()
    doc = ElementTree.fromstring(raw)  # safe: stdlib ElementTree does not fetch external entities
    return {"tracking": doc.findtext("tracking"), "carrier": doc.findtext("carrier")}
