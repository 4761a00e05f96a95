from flask import Flask, jsonify
from ldap3 import Connection, Server
from ldap3.utils.conv import escape_filter_chars

app = Flask(__name__)
server = Server("ldap.example.com", use_ssl=True)
BASE = "dc=example,dc=com"


@app.route("/directory/<email>")
def lookup(email):
    conn = Connection(server, auto_bind=True)
    conn.search(BASE, "(mail=" + escape_filter_chars(email) + ")", attributes=["cn", "title"])  # safe: escape_filter_chars
    entries = [{"cn": str(e.cn), "title": str(e.title)} for e in conn.entries]
    conn.unbind()
    return jsonify(entries)
