from flask import Flask, jsonify, request

from extensions import db
from queries import find_posts_by_tag

app = Flask(__name__)
app.config["SQLALCHEMY_DATABASE_URI"] = "postgresql://blog@localhost/blog"
db.init_app(app)


@app.get("/posts")
def posts_by_tag():
    tag = request.args.get("tag", "python").lower()
    rows = find_posts_by_tag(tag)
    return jsonify([{"id": r.id, "title": r.title} for r in rows])
