from sqlalchemy import text
from sqlalchemy.orm import Session


def update_email(session: Session, user_id: int, email: str) -> None:
    session.execute(text("UPDATE users SET email = '%s' WHERE id = %d" % (email, user_id)))  # vuln: email formatted into SQL
    session.commit()
