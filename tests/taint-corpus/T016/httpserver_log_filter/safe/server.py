import re
from http.server import BaseHTTPRequestHandler, HTTPServer
from urllib.parse import parse_qs, urlparse

from filters import build_filter

LINES = ["GET /index.html 200", "POST /login 302", "GET /admin 403"]


class LogHandler(BaseHTTPRequestHandler):
    def do_GET(self):
        expr = parse_qs(urlparse(self.path).query).get("match", [""])[0]
        keep = build_filter(re.escape(expr))  # safe: re.escape
        body = "\n".join(line for line in LINES if keep(line)).encode()
        self.send_response(200)
        self.end_headers()
        self.wfile.write(body)


HTTPServer(("", 8007), LogHandler).serve_forever()
