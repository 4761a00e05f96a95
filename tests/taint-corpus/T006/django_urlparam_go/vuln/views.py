import logging

from django.shortcuts import redirect

log = logging.getLogger(__name__)


def go(request, target):
    log.info("outbound click to %s", target)
    return redirect(target)  # vuln: URL path segment redirected to
