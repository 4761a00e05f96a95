import ldap
from ldap.filter import filter_format
from rest_framework.decorators import api_view
from rest_framework.response import Response

LDAP_URI = "ldaps://ldap.example.com"


@api_view(["GET"])
def group_members(request):
    group = request.query_params.get("group", "staff")
    conn = ldap.initialize(LDAP_URI)
    conn.simple_bind_s()
    search_filter = filter_format("(&(objectClass=groupOfNames)(cn=%s))", [group])  # safe: filter_format escapes
    entries = conn.search_s("ou=groups,dc=example,dc=com", ldap.SCOPE_SUBTREE, search_filter, ["member"])
    members = [m.decode() for _, attrs in entries for m in attrs.get("member", [])]
    return Response({"group": group, "members": members})
