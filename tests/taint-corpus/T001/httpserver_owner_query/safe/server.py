import json
import sqlite3
from http.server import BaseHTTPRequestHandler, HTTPServer
from urllib.parse import parse_qs, urlparse


class NotesHandler(BaseHTTPRequestHandler):
    def do_GET(self):
        url = urlparse(self.path)
        if url.path != "/notes":
            self.send_error(404)
            return
        params = parse_qs(url.query)
        owner = params.get("owner", ["anonymous"])[0]
        db = sqlite3.connect("notes.db")
        notes = db.execute("SELECT id, title FROM notes WHERE owner = ?", (owner,)).fetchall()  # safe: parameterised query
        db.close()
        body = json.dumps(notes).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


if __name__ == "__main__":
    HTTPServer(("127.0.0.1", 8000), NotesHandler).serve_forever()
