from flask import Flask, abort, jsonify
from lxml import etree

app = Flask(__name__)
LIBRARY = etree.parse("library.xml")


@app.route("/books/<isbn>")
def book(isbn):
    nodes = LIBRARY.xpath(f"//book[isbn='{isbn}']")  # vuln: route variable in an XPath expression
    if not nodes:
        abort(404)
    return jsonify(title=nodes[0].findtext("title"), author=nodes[0].findtext("author"))
