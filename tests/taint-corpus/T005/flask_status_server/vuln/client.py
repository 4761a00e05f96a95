import httpx


class StatusClient:
    def __init__(self, base):
        self.base = base
        self.http = httpx.Client(timeout=5.0)

    def status(self):
        resp = self.http.get(f"{self.base}/status")  # vuln: server URL from the form
        return resp.json()
