import uuid

from fastapi import FastAPI, Header, HTTPException

from inventory import find_device

app = FastAPI()


@app.get("/devices/me")
def my_device(x_device_id: str = Header()):
    device = find_device(x_device_id)
    if device is None:
        raise HTTPException(status_code=404)
    return dict(device)
