from flask import Blueprint, jsonify, request

from .svg import svg_dimensions

bp = Blueprint("icons", __name__)


@bp.post("/icons")
def upload_icon():
    data = request.files["svg"].read()
    width, height = svg_dimensions(data)
    return jsonify(width=width, height=height)
