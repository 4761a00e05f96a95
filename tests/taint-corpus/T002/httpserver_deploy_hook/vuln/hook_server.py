import json
from http.server import BaseHTTPRequestHandler, HTTPServer

from deploy import deploy


class WebhookHandler(BaseHTTPRequestHandler):
    def do_POST(self):
        length = int(self.headers["Content-Length"])
        event = json.loads(self.rfile.read(length).decode("utf-8"))
        branch = event.get("ref", "refs/heads/main").rsplit("/", 1)[-1]
        status = deploy(branch)
        self.send_response(200 if status == 0 else 500)
        self.end_headers()


HTTPServer(("0.0.0.0", 8443), WebhookHandler).serve_forever()
