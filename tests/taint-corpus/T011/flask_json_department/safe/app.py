from flask import Flask, abort, jsonify, request
from ldap3 import SUBTREE, Connection, Server

app = Flask(__name__)
DEPARTMENTS = {"engineering", "sales", "finance", "support"}


@app.post("/api/department/members")
def department_members():
    dept = request.json.get("department", "")
    if dept not in DEPARTMENTS:  # safe: allow-list guard
        abort(400)
    conn = Connection(Server("ldap.corp.local"), user="cn=svc,dc=corp,dc=local", password="svc", auto_bind=True)
    conn.search(search_base="ou=people,dc=corp,dc=local", search_filter=f"(department={dept})", search_scope=SUBTREE, attributes=["uid"])
    return jsonify(sorted(str(e.uid) for e in conn.entries))
