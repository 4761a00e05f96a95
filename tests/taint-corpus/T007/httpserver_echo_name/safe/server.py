import html
from http.server import BaseHTTPRequestHandler, HTTPServer
from urllib.parse import parse_qs, urlparse


class HelloHandler(BaseHTTPRequestHandler):
    def do_GET(self):
        name = html.escape(parse_qs(urlparse(self.path).query).get("name", ["world"])[0])  # safe: html.escape
        page = f"<!doctype html><html><body><h1>Hello {name}</h1></body></html>"
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.end_headers()
        self.wfile.write(page.encode("utf-8"))


HTTPServer(("", 8000), HelloHandler).serve_forever()
