from fastapi import Depends, FastAPI
from sqlalchemy.orm import Session

from .crud import update_email
from .database import get_session
from .schemas import EmailUpdate

app = FastAPI()


@app.put("/users/{user_id}/email")
def change_email(user_id: int, payload: EmailUpdate, session: Session = Depends(get_session)):
    new_email = payload.email.strip().lower()
    update_email(session, user_id, new_email)
    return {"status": "ok", "notify": payload.notify}
