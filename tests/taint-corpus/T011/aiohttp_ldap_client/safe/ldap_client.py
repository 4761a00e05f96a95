import ldap
from ldap.filter import escape_filter_chars


class LdapClient:
    def __init__(self, uri, base):
        self.uri, self.base = uri, base

    def lookup(self, login):
        conn = ldap.initialize(self.uri)
        flt = "(&(objectClass=inetOrgPerson)(uid=" + escape_filter_chars(login) + "))"  # safe: escape_filter_chars
        return conn.search_s(self.base, ldap.SCOPE_SUBTREE, flt, ["cn", "mail"])
