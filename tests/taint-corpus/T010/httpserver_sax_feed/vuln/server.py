import io
import xml.sax
from http.server import BaseHTTPRequestHandler, HTTPServer
from xml.sax.handler import feature_external_ges


class CountHandler(xml.sax.ContentHandler):
    def __init__(self):
        super().__init__()
        self.count = 0

    def startElement(self, name, attrs):
        self.count += 1


class XmlHandler(BaseHTTPRequestHandler):
    def do_POST(self):
        body = self.rfile.read(int(self.headers["Content-Length"]))
        handler = CountHandler()
        parser = xml.sax.make_parser()
        parser.setFeature(feature_external_ges, True)
        parser.setContentHandler(handler)
        parser.parse(io.BytesIO(body))  # vuln: request body parsed with external entities enabled
        self.send_response(200)
        self.end_headers()
        self.wfile.write(str(handler.count).encode())


HTTPServer(("", 8003), XmlHandler).serve_forever()
