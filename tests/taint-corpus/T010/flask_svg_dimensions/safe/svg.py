from lxml import etree


def svg_dimensions(data: bytes):
    root = etree.fromstring(data, etree.XMLParser(resolve_entities=False, no_network=True))  # safe: no entity resolution, no network
    return root.get("width"), root.get("height")
