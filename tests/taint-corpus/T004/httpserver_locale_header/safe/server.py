import json
from http.server import BaseHTTPRequestHandler, HTTPServer

LOCALES = {"en", "de", "fr", "es", "ja"}


class I18nHandler(BaseHTTPRequestHandler):
    def do_GET(self):
        lang = self.headers.get("Accept-Language", "en").split(",")[0].split("-")[0]
        if lang not in LOCALES:  # safe: allow-list guard
            lang = "en"
        with open(f"locales/{lang}.json", encoding="utf-8") as fh:
            messages = json.load(fh)
        body = json.dumps(messages).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.end_headers()
        self.wfile.write(body)


HTTPServer(("", 8001), I18nHandler).serve_forever()
