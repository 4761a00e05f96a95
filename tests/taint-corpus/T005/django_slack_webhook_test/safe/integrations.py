import requests


class WebhookClient:
    def __init__(self, timeout=5):
        self.timeout = timeout

    def ping(self, endpoint, workspace):
        payload = {"text": f"Test notification from {workspace}"}
        resp = requests.post(endpoint, json=payload, timeout=self.timeout)
        return resp.status_code
