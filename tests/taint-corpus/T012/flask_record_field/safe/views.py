from flask import Blueprint, abort, jsonify, request

from .xmlstore import select_field

bp = Blueprint("records", __name__)
FIELDS = {"name", "city", "country", "zip"}


@bp.post("/records/column")
def column():
    field = request.get_json()["field"]
    if field not in FIELDS:  # safe: allow-list guard
        abort(400)
    return jsonify(values=select_field(field))
