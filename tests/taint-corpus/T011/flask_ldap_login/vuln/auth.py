import ldap

LDAP_URI = "ldap://ldap.internal:389"
BASE_DN = "ou=users,dc=internal"


def authenticate(username, password):
    conn = ldap.initialize(LDAP_URI)
    conn.simple_bind_s("cn=reader,dc=internal", "reader-password")
    found = conn.search_s(BASE_DN, ldap.SCOPE_ONELEVEL, "(&(objectClass=person)(sAMAccountName=" + username + "))")  # vuln: login name in an LDAP filter
    if not found:
        return None
    dn, _ = found[0]
    try:
        ldap.initialize(LDAP_URI).simple_bind_s(dn, password)
    except ldap.INVALID_CREDENTIALS:
        return None
    return dn
