from flask import Blueprint, flash, redirect, request

from .models import db, Comment
from .nav import return_target

bp = Blueprint("comments", __name__)


@bp.post("/comments")
def post_comment():
    comment = Comment(body=request.form["body"], post_id=int(request.form["post_id"]))
    db.session.add(comment)
    db.session.commit()
    flash("Comment posted")
    return redirect("/posts/" + return_target(request.form, ""))  # safe: constant path prefix
