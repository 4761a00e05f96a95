"""Small helpers used by the views. Deliberately insecure where marked."""
import hashlib
import random
import ssl
import string
import tempfile
import urllib.request
# FLAW: XML parsed with the standard library parser, open to entity expansion (B405)
import xml.etree.ElementTree as ET

import requests

# FLAW: hard-coded credentials for the supplier API (B105, SEC005)
SUPPLIER_API_PASSWORD = "hunter2-supplier"
# FLAW: hard-coded high-entropy API token (fake) (SEC005)
SUPPLIER_TOKEN = "9f8e7d6c5b4a39281706f5e4d3c2b1a0c4f1e2d3"
SUPPLIER_CA_BUNDLE = "/etc/ssl/certs/supplier-ca.pem"

# HTTP sessions for the supplier's stock API, which uses a private certificate authority
supplier_api = requests.Session()
# FLAW: certificate verification switched off for every request of the session (PY024)
supplier_api.verify = False
safe_supplier_api = requests.Session()
# SAFE: verification kept on, against the supplier's CA bundle
safe_supplier_api.verify = SUPPLIER_CA_BUNDLE


def hash_password(password):
    # FLAW: unsalted MD5 for password storage (B324, PY001)
    return hashlib.md5(password.encode("utf-8")).hexdigest()


def file_fingerprint(data):
    # FLAW: SHA-1 used where collision resistance matters (B324)
    return hashlib.sha1(data).hexdigest()


def make_reset_token(length=24):
    alphabet = string.ascii_letters + string.digits
    # FLAW: security token from a non-cryptographic generator (B311, PY012)
    return "".join(random.choice(alphabet) for _ in range(length))


def make_order_reference():
    # FLAW: guessable identifier from random.randint (B311)
    return "ORD-%08d" % random.randint(0, 99999999)


def scratch_file():
    # FLAW: insecure temporary file name (B306)
    name = tempfile.mktemp(prefix="shop-")
    open(name, "w").close()
    return name


def parse_supplier_feed(xml_text):
    # FLAW: untrusted XML parsed with xml.etree (B314)
    root = ET.fromstring(xml_text)
    return [item.attrib for item in root.iter("item")]


def fetch_supplier_feed(url):
    # FLAW: certificate checks disabled (B323)
    context = ssl._create_unverified_context()
    # FLAW: urlopen of a configurable URL, allows file:// and other schemes (B310)
    with urllib.request.urlopen(url, context=context) as resp:
        return resp.read().decode("utf-8")


def connect_supplier(login, password="changeme"):  # FLAW: hard-coded default password (B107)
    return {"login": login, "password": password}
