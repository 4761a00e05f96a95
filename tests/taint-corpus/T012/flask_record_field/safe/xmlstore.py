from lxml import etree

DOC = etree.parse("records.xml")


def select_field(field):
    return [str(v) for v in DOC.xpath(f"//record/{field}/text()")]
