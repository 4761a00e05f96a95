import os

UPLOAD_FOLDER = "/srv/docs"


def store(file_storage, filename):
    path = os.path.join(UPLOAD_FOLDER, filename)
    with open(path, "wb") as out:  # vuln: client file name in the destination path
        out.write(file_storage.read())
    return path
