from http.server import BaseHTTPRequestHandler, HTTPServer
from urllib.parse import parse_qs, urlparse

from lxml import etree

from lookup import find_entries

GLOSSARY = etree.parse("glossary.xml")


class GlossaryHandler(BaseHTTPRequestHandler):
    def do_GET(self):
        term = parse_qs(urlparse(self.path).query).get("q", [""])[0]
        entries = find_entries(GLOSSARY, term)
        text = "\n".join(e.findtext("title") or "" for e in entries)
        self.send_response(200)
        self.send_header("Content-Type", "text/plain")
        self.end_headers()
        self.wfile.write(text.encode())


HTTPServer(("", 8004), GlossaryHandler).serve_forever()
