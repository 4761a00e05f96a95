from lxml import etree


class ProductCatalog:
    def __init__(self, path):
        self.tree = etree.parse(path)

    def find(self, category):
        nodes = self.tree.xpath("//product[category=$cat]", cat=category)  # safe: XPath variable
        return [{"sku": n.get("sku"), "name": n.findtext("name")} for n in nodes]
