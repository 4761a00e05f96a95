import os
import re
from http.server import BaseHTTPRequestHandler, HTTPServer

IPV4_RE = re.compile(r"(\d{1,3}\.){3}\d{1,3}")


class AdminHandler(BaseHTTPRequestHandler):
    def do_POST(self):
        if self.path != "/ban":
            self.send_error(404)
            return
        offender = self.headers.get("X-Offender-IP", "")
        os.system("iptables -A INPUT -s %s -j DROP" % offender)  # vuln: header value in a shell command
        self.send_response(204)
        self.end_headers()


if __name__ == "__main__":
    HTTPServer(("127.0.0.1", 9000), AdminHandler).serve_forever()
