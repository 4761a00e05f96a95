from sqlalchemy import text
from sqlalchemy.orm import Session


def update_email(session: Session, user_id: int, email: str) -> None:
    session.execute(text("UPDATE users SET email = :email WHERE id = :id"), {"email": email, "id": user_id})  # safe: bound parameters
    session.commit()
