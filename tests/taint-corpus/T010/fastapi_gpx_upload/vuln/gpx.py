import io

from lxml import etree

GPX_NS = {"g": "http://www.topografix.com/GPX/1/1"}


def parse_track(data: bytes):
    tree = etree.parse(io.BytesIO(data))  # vuln: uploaded file parsed with the default lxml parser
    return [(float(p.get("lat")), float(p.get("lon"))) for p in tree.iterfind(".//g:trkpt", GPX_NS)]
