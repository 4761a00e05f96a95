import os

INBOX = "/srv/inbox"


def save_part(filename, data: bytes):
    dest = os.path.join(INBOX, filename)
    with open(dest, "wb") as fh:
        fh.write(data)
    return dest
