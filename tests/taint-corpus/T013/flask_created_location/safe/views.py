from flask import Blueprint, make_response, request

from .helpers import with_location

bp = Blueprint("files", __name__)


@bp.put("/files/<name>")
def put_file(name):
    with open(f"/srv/files/{hash(name) & 0xffffffff:x}", "wb") as fh:
        fh.write(request.get_data())
    return with_location(make_response("", 201), name)
