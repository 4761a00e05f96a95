import json
from http.server import BaseHTTPRequestHandler, HTTPServer
from urllib.parse import parse_qs, urlparse

from ldap3 import Connection, Server
from ldap3.utils.conv import escape_filter_chars

SERVER = Server("ldap.example.net")


class LookupHandler(BaseHTTPRequestHandler):
    def do_GET(self):
        cn = parse_qs(urlparse(self.path).query).get("cn", [""])[0]
        conn = Connection(SERVER, auto_bind=True)
        conn.search("dc=example,dc=net", "(cn={})".format(cn), attributes=["mail"])  # vuln: query string in an LDAP filter
        body = json.dumps([str(e.mail) for e in conn.entries]).encode()
        self.send_response(200)
        self.end_headers()
        self.wfile.write(body)


HTTPServer(("", 8389), LookupHandler).serve_forever()
