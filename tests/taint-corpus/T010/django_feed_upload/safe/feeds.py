from lxml import etree


def parse_feed(fileobj):
    parser = etree.XMLParser(resolve_entities=False, no_network=True)  # safe: no entity resolution, no network
    tree = etree.parse(fileobj, parser)
    return [
        {"title": item.findtext("title"), "link": item.findtext("link")}
        for item in tree.iterfind(".//item")
    ]
