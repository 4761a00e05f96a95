import html

from django.http import HttpResponseNotFound


def page_not_found(request, exception=None):
    agent = html.escape(request.META.get("HTTP_USER_AGENT", "unknown"))  # safe: html.escape
    body = (
        "<html><body><h1>Page not found</h1>"
        f"<p>Your browser ({agent}) asked for a page we do not have.</p>"
        "</body></html>"
    )
    return HttpResponseNotFound(body)
