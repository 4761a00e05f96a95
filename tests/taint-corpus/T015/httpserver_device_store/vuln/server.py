import json
from http.server import BaseHTTPRequestHandler, HTTPServer

from store import find_device


class AuthHandler(BaseHTTPRequestHandler):
    def do_POST(self):
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        device = find_device(body)
        self.send_response(200 if device else 403)
        self.end_headers()


HTTPServer(("", 8006), AuthHandler).serve_forever()
