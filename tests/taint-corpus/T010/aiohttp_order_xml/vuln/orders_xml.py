from lxml import etree


class OrderParser:
    def __init__(self):
        self.parser = etree.XMLParser(resolve_entities=True, no_network=False)

    def parse(self, data: bytes):
        root = etree.fromstring(data, self.parser)  # vuln: request body parsed with entity resolution
        return {"id": root.get("id"), "items": [i.text for i in root.iter("item")]}
