from flask import Blueprint, make_response, request
from markupsafe import escape

from .errors import error_page

bp = Blueprint("signup", __name__)


@bp.post("/signup")
def signup():
    email = escape(request.form.get("email", ""))  # safe: markupsafe.escape
    if "@" not in email:
        return make_response(error_page(f"{email} is not a valid address"), 400)
    return make_response("ok", 201)
