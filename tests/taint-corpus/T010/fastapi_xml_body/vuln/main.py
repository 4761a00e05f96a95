from xml.etree import ElementTree

from fastapi import FastAPI, Request
from lxml import etree

app = FastAPI()


@app.post("/shipments")
async def create_shipment(request: Request):
    raw = await request.body()
    doc = etree.fromstring(raw, parser=etree.XMLParser(resolve_entities=True))  # vuln: request body parsed with entity resolution
    return {"tracking": doc.findtext("tracking"), "carrier": doc.findtext("carrier")}
