from pydantic import BaseModel


class EmailUpdate(BaseModel):
    email: str
    notify: bool = True
