"""Request data followed into dangerous sinks (pyward's taint rules), FastAPI side.

An APIRouter for main.py (`app.include_router(router)`; the project is never
run). Each vulnerable endpoint is followed by its safe twin.
`# vulnerable: T0NN` marks the line above the sink a flow reaches;
`# safe twin:` the line above the same sink in the twin, where nothing
dangerous arrives.
"""
import ast
import os

from fastapi import APIRouter, HTTPException, Request
from lxml import etree
from pymongo import MongoClient

router = APIRouter(prefix="/inventory")

CATALOGUE_PATH = os.path.join(os.path.dirname(__file__), "catalogue.xml")
orders = MongoClient("mongodb://localhost:27017").inventory.orders


def catalogue():
    return etree.parse(CATALOGUE_PATH)


@router.get("/stock/batch")
def stock_batch(skus: str):
    # vulnerable: T003 code injection, ?skus=__import__('os').system('id') is run, not parsed
    wanted = eval(skus)
    return {"skus": sorted(wanted)}


@router.get("/safe/stock/batch")
def safe_stock_batch(skus: str):
    # safe twin: ast.literal_eval accepts Python literals only (["A1", "B2"])
    wanted = ast.literal_eval(skus)
    if not isinstance(wanted, list):
        raise HTTPException(status_code=400, detail="expected a list of SKUs")
    return {"skus": sorted(wanted)}


@router.post("/orders/search")
async def search_orders(request: Request):
    criteria = await request.json()
    # vulnerable: T015 NoSQL injection, {"customer": {"$ne": null}} matches every customer's orders
    found = orders.find({"customer": criteria["customer"], "status": criteria.get("status", "open")}, {"_id": 0})
    return {"orders": list(found.limit(100))}


@router.post("/safe/orders/search")
async def safe_search_orders(request: Request):
    criteria = await request.json()
    # safe twin: str() turns each value into text, so no object carries an operator
    found = orders.find(
        {"customer": str(criteria["customer"]), "status": str(criteria.get("status", "open"))}, {"_id": 0}
    )
    return {"orders": list(found.limit(100))}


@router.get("/catalogue/price")
def catalogue_price(sku: str):
    # vulnerable: T012 XPath injection, ?sku=' or '1'='1 returns the price of every product
    prices = catalogue().xpath(f"//product[@sku='{sku}']/price/text()")
    return {"sku": sku, "prices": [str(p) for p in prices]}


@router.get("/safe/catalogue/price")
def safe_catalogue_price(sku: str):
    # safe twin: the SKU is an XPath variable, compared as a string
    prices = catalogue().xpath("//product[@sku=$sku]/price/text()", sku=sku)
    return {"sku": sku, "prices": [str(p) for p in prices]}


@router.post("/catalogue/import")
async def import_catalogue(request: Request):
    body = await request.body()
    # vulnerable: T010 XXE, lxml's default parser (before lxml 5.2) substitutes <!ENTITY x SYSTEM "file:///etc/passwd">
    root = etree.fromstring(body)
    return {"products": len(root.findall("product"))}


@router.post("/safe/catalogue/import")
async def safe_import_catalogue(request: Request):
    body = await request.body()
    # safe twin: a parser that resolves no entities and never goes to the network
    root = etree.fromstring(body, parser=etree.XMLParser(resolve_entities=False, no_network=True))
    return {"products": len(root.findall("product"))}
