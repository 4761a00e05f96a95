from lxml import etree


def main():
    tree = etree.parse("customers.xml")
    cid = int(input("Customer id: ").strip())  # safe: converted to int
    nodes = tree.xpath(f"//customer[@id='{cid}']")
    for node in nodes:
        print(node.findtext("name"), node.findtext("email"))


if __name__ == "__main__":
    main()
