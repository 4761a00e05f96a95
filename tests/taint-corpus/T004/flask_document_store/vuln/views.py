from flask import Blueprint, jsonify, request
from werkzeug.utils import secure_filename

from .storage import store

bp = Blueprint("docs", __name__)


@bp.post("/documents")
def upload_document():
    doc = request.files["doc"]
    filename = doc.filename or "unnamed.bin"
    path = store(doc, filename)
    return jsonify(path=path), 201
