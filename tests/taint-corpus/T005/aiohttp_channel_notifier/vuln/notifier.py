import aiohttp


class Notifier:
    def __init__(self, session: aiohttp.ClientSession):
        self.session = session

    async def send(self, url, message):
        async with self.session.post(url, json={"text": message}) as resp:  # vuln: webhook URL from the body
            return resp.status
