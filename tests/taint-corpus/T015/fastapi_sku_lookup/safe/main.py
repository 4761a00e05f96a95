from fastapi import FastAPI, Request
from pymongo import MongoClient

app = FastAPI()
items = MongoClient()["inventory"]["items"]


@app.post("/items/lookup")
async def lookup(request: Request):
    payload = await request.json()
    item = items.find_one({"sku": str(payload["sku"])}, {"_id": 0})  # safe: value converted to str
    return item or {}
