import requests


class Geocoder:
    def __init__(self, base_url):
        self.base_url = base_url.rstrip("/")

    def lookup(self, address):
        resp = requests.get(f"{self.base_url}/search", params={"q": address, "format": "json"}, timeout=5)
        resp.raise_for_status()
        return resp.json()
