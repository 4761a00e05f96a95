from http.server import BaseHTTPRequestHandler, HTTPServer

from jobs import decode_job

QUEUE = []


class JobHandler(BaseHTTPRequestHandler):
    def do_POST(self):
        length = int(self.headers.get("Content-Length", "0"))
        task, args = decode_job(self.rfile.read(length))
        QUEUE.append((task, args))
        self.send_response(202)
        self.end_headers()


HTTPServer(("127.0.0.1", 7000), JobHandler).serve_forever()
