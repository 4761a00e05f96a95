from http.server import BaseHTTPRequestHandler, HTTPServer
from urllib.parse import parse_qs, unquote, urlparse


class ExportHandler(BaseHTTPRequestHandler):
    def do_GET(self):
        params = parse_qs(urlparse(self.path).query)
        name = unquote(params.get("name", ["report.txt"])[0]).replace("\r", "").replace("\n", "")  # safe: CR and LF removed
        body = b"quarterly numbers\n"
        self.send_response(200)
        self.send_header("Content-Type", "text/plain")
        self.send_header("Content-Disposition", "attachment; filename=" + name)
        self.end_headers()
        self.wfile.write(body)


HTTPServer(("", 8005), ExportHandler).serve_forever()
