import ast
from http.server import BaseHTTPRequestHandler, HTTPServer
from urllib.parse import parse_qs, unquote, urlsplit


class MetricsHandler(BaseHTTPRequestHandler):
    series = {"cpu": [0.2, 0.4, 0.9], "mem": [512, 640, 700]}

    def do_GET(self):
        query = parse_qs(urlsplit(self.path).query)
        raw = unquote(query.get("window", ["[0, 3]"])[0])
        start, end = ast.literal_eval(raw)  # safe: ast.literal_eval only accepts literals
        lines = [f"{k} {v[start:end]}" for k, v in self.series.items()]
        body = "\n".join(lines).encode()
        self.send_response(200)
        self.send_header("Content-Type", "text/plain")
        self.end_headers()
        self.wfile.write(body)


HTTPServer(("", 9100), MetricsHandler).serve_forever()
