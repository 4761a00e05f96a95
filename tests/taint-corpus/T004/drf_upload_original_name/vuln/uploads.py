import os

UPLOAD_DIR = "/var/app/uploads"


def save_upload(upload, owner_id, filename):
    folder = os.path.join(UPLOAD_DIR, str(owner_id))
    os.makedirs(folder, exist_ok=True)
    dest = os.path.join(folder, filename)
    with open(dest, "wb") as out:  # vuln: client file name in the destination path
        for chunk in upload.chunks():
            out.write(chunk)
    return dest
