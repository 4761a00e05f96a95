import urllib.request
from http.server import BaseHTTPRequestHandler, HTTPServer
from urllib.parse import parse_qs, urlparse

ALLOWED = {"status.example.com", "metrics.example.com"}


class FetchHandler(BaseHTTPRequestHandler):
    def do_GET(self):
        qs = parse_qs(urlparse(self.path).query)
        target = qs.get("url", [""])[0]
        if urlparse(target).hostname not in ALLOWED:  # safe: host allow-list guard
            self.send_error(403)
            return
        with urllib.request.urlopen(target, timeout=5) as resp:
            body = resp.read()
        self.send_response(200)
        self.end_headers()
        self.wfile.write(body)


HTTPServer(("", 8088), FetchHandler).serve_forever()
