from http.server import BaseHTTPRequestHandler, HTTPServer
from urllib.parse import parse_qs, urlparse

from jinja2 import Template


class PageHandler(BaseHTTPRequestHandler):
    def do_GET(self):
        params = parse_qs(urlparse(self.path).query)
        name = params.get("name", ["visitor"])[0]
        page = Template("<html><body><p>Hello {{ name }}</p></body></html>", autoescape=True).render(name=name)  # safe: constant template, data as a context variable
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.end_headers()
        self.wfile.write(page.encode())


HTTPServer(("", 8002), PageHandler).serve_forever()
