from lxml import etree

TREE = etree.parse("inventory.xml")


def find_device(device_id):
    query = etree.XPath("//device[@id='" + device_id + "']")
    nodes = query(TREE)
    return nodes[0].attrib if nodes else None
