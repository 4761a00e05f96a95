from lxml import etree


class OrderParser:
    def __init__(self):
        self.parser = etree.XMLParser(resolve_entities=False, no_network=True)  # safe: no entity resolution, no network

    def parse(self, data: bytes):
        root = etree.fromstring(data, self.parser)
        return {"id": root.get("id"), "items": [i.text for i in root.iter("item")]}
