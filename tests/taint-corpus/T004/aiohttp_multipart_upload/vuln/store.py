import os

INBOX = "/srv/inbox"


def save_part(filename, data: bytes):
    dest = os.path.join(INBOX, filename)
    with open(dest, "wb") as fh:  # vuln: multipart file name in the destination path
        fh.write(data)
    return dest
