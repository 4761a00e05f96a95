import defusedxml.ElementTree as DET
from flask import Flask, jsonify, request
from lxml import etree

app = Flask(__name__)


@app.post("/devices/config")
def upload_config():
    xml_text = request.form["xml"]
    root = DET.fromstring(xml_text.encode("utf-8"))  # safe: defusedxml
    return jsonify(hostname=root.findtext("hostname"), vlan=root.findtext("vlan"))
