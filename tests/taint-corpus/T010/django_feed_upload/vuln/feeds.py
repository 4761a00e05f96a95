from lxml import etree


def parse_feed(fileobj):
    parser = etree.XMLParser(resolve_entities=True)
    tree = etree.parse(fileobj, parser)  # vuln: uploaded XML parsed with entity resolution
    return [
        {"title": item.findtext("title"), "link": item.findtext("link")}
        for item in tree.iterfind(".//item")
    ]
