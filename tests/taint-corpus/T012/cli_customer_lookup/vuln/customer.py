from lxml import etree


def main():
    tree = etree.parse("customers.xml")
    cid = input("Customer id: ").strip()
    nodes = tree.xpath(f"//customer[@id='{cid}']")  # vuln: typed input in an XPath expression
    for node in nodes:
        print(node.findtext("name"), node.findtext("email"))


if __name__ == "__main__":
    main()
