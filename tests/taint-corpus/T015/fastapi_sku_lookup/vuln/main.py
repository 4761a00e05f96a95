from fastapi import FastAPI, Request
from pymongo import MongoClient

app = FastAPI()
items = MongoClient()["inventory"]["items"]


@app.post("/items/lookup")
async def lookup(request: Request):
    payload = await request.json()
    item = items.find_one({"sku": payload["sku"]}, {"_id": 0})  # vuln: JSON value (can be an operator dict) in a query
    return item or {}
