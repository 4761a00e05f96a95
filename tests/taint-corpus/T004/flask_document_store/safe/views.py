from flask import Blueprint, jsonify, request
from werkzeug.utils import secure_filename

from .storage import store

bp = Blueprint("docs", __name__)


@bp.post("/documents")
def upload_document():
    doc = request.files["doc"]
    filename = secure_filename(doc.filename or "unnamed.bin")  # safe: werkzeug secure_filename
    path = store(doc, filename)
    return jsonify(path=path), 201
