def find_entries(tree, term):
    return tree.xpath("//entry[contains(title, '%s')]" % term)  # vuln: query string in an XPath expression
