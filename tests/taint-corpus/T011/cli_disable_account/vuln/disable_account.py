import sys

import ldap
import ldap.modlist
from ldap.filter import filter_format


def main():
    uid = sys.argv[1]
    conn = ldap.initialize("ldaps://ldap.example.com")
    conn.simple_bind_s("cn=admin,dc=example,dc=com", sys.argv[2])
    results = conn.search_s("ou=people,dc=example,dc=com", ldap.SCOPE_SUBTREE, "(uid=%s)" % uid)  # vuln: argv in an LDAP filter
    for dn, _ in results:
        conn.modify_s(dn, [(ldap.MOD_REPLACE, "loginShell", [b"/sbin/nologin"])])
        print("disabled", dn)


if __name__ == "__main__":
    main()
