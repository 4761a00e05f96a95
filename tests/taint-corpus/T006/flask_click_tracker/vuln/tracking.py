import base64
import logging

log = logging.getLogger("clicks")


def decode_target(token):
    url = base64.urlsafe_b64decode(token.encode()).decode("utf-8")
    log.info("click -> %s", url)
    return url
