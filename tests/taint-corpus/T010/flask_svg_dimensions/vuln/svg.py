from lxml import etree


def svg_dimensions(data: bytes):
    root = etree.fromstring(data)  # vuln: uploaded SVG parsed with the default lxml parser
    return root.get("width"), root.get("height")
