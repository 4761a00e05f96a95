import defusedxml.ElementTree as DET
from flask import Flask, jsonify, request
from lxml import etree

app = Flask(__name__)


@app.post("/devices/config")
def upload_config():
    xml_text = request.form["xml"]
    parser = etree.XMLParser(load_dtd=True, resolve_entities=True)
    root = etree.fromstring(xml_text.encode("utf-8"), parser)  # vuln: form field parsed with entity resolution
    return jsonify(hostname=root.findtext("hostname"), vlan=root.findtext("vlan"))
