import json
import re
import sqlite3
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from store import find_device

SERIAL_RE = re.compile(r"[A-Z0-9]{8,16}")


class DeviceHandler(BaseHTTPRequestHandler):
    def do_POST(self):
        length = int(self.headers.get("Content-Length", 0))
        payload = json.loads(self.rfile.read(length))
        serial = payload.get("serial", "")
        if not SERIAL_RE.fullmatch(serial):  # safe: regex fullmatch guard
            self.send_error(400, "bad serial")
            return
        conn = sqlite3.connect("fleet.db")
        device = find_device(conn, serial)
        conn.close()
        self.send_response(200 if device else 404)
        self.send_header("Content-Type", "application/json")
        self.end_headers()
        self.wfile.write(json.dumps({"device": device}).encode())


if __name__ == "__main__":
    ThreadingHTTPServer(("", 8080), DeviceHandler).serve_forever()
