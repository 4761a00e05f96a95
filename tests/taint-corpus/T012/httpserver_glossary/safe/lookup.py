def find_entries(tree, term):
    return tree.xpath("//entry[contains(title, $term)]", term=term)  # safe: XPath variable
