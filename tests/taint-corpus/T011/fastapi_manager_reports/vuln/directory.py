from ldap3 import Connection


def find_reports(conn: Connection, manager: str):
    search_filter = "(manager=cn=%s,ou=people,dc=example,dc=com)" % manager
    conn.search(search_base="ou=people,dc=example,dc=com", search_filter=search_filter, attributes=["cn"])  # vuln: body field in an LDAP filter
    return [str(e.cn) for e in conn.entries]
