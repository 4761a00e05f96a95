import os

UPLOAD_DIR = "/var/app/uploads"


def save_upload(upload, owner_id, filename):
    folder = os.path.join(UPLOAD_DIR, str(owner_id))
    os.makedirs(folder, exist_ok=True)
    dest = os.path.join(folder, os.path.basename(filename))  # safe: basename drops directories
    with open(dest, "wb") as out:
        for chunk in upload.chunks():
            out.write(chunk)
    return dest
