from urllib.parse import urlsplit

import httpx
from rest_framework import status
from rest_framework.decorators import api_view
from rest_framework.response import Response

FEED_HOSTS = {"feeds.bbci.co.uk", "rss.nytimes.com", "hnrss.org"}


@api_view(["POST"])
def import_feed(request):
    feed_url = request.data.get("feed_url", "")
    if urlsplit(feed_url).hostname not in FEED_HOSTS:  # safe: host allow-list guard
        return Response({"detail": "unsupported feed"}, status=status.HTTP_400_BAD_REQUEST)
    resp = httpx.get(feed_url, follow_redirects=True, timeout=10.0)
    if resp.status_code != 200:
        return Response({"detail": "feed unavailable"}, status=status.HTTP_502_BAD_GATEWAY)
    return Response({"bytes": len(resp.content)}, status=status.HTTP_201_CREATED)
