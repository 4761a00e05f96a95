import uuid

from fastapi import FastAPI, Header, HTTPException

from inventory import find_device

app = FastAPI()


@app.get("/devices/me")
def my_device(x_device_id: str = Header()):
    device = find_device(str(uuid.UUID(x_device_id)))  # safe: must parse as a UUID
    if device is None:
        raise HTTPException(status_code=404)
    return dict(device)
