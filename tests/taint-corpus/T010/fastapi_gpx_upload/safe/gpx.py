import io

from defusedxml.ElementTree import parse as defused_parse

from lxml import etree

GPX_NS = {"g": "http://www.topografix.com/GPX/1/1"}


def parse_track(data: bytes):
    tree = defused_parse(io.BytesIO(data))  # safe: defusedxml
    return [(float(p.get("lat")), float(p.get("lon"))) for p in tree.iterfind(".//g:trkpt", GPX_NS)]
