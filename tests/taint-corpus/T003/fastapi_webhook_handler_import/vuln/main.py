import importlib

from fastapi import FastAPI, Request

app = FastAPI()
HANDLERS = {
    "payment": "billing.hooks.on_payment",
    "refund": "billing.hooks.on_refund",
}


@app.post("/webhooks/dispatch")
async def dispatch(request: Request, handler: str = "billing.hooks.on_payment"):
    module_name, _, func_name = handler.rpartition(".")
    module = importlib.import_module(module_name)  # vuln: query param imported as a module
    payload = await request.json()
    return getattr(module, func_name)(payload)
