from sqlalchemy import text

from extensions import db


def find_posts_by_tag(tag, limit=20):
    stmt = text(
        "SELECT p.id, p.title FROM posts p JOIN post_tags t ON t.post_id = p.id "
        "WHERE t.name = :tag ORDER BY p.created_at DESC LIMIT :limit"
    )
    return db.session.execute(stmt, {"tag": tag, "limit": limit}).fetchall()  # safe: bound parameters
