from lxml import etree

TREE = etree.parse("inventory.xml")


def find_device(device_id):
    query = etree.XPath("//device[@id='" + device_id + "']")  # vuln: header value in an XPath expression
    nodes = query(TREE)
    return nodes[0].attrib if nodes else None
