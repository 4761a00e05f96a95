import ldap
from django.conf import settings
from django.http import JsonResponse
from ldap.filter import escape_filter_chars

BASE_DN = "ou=people,dc=example,dc=com"


def check_username(request):
    username = request.POST.get("username", "")
    conn = ldap.initialize(settings.LDAP_URI)
    conn.simple_bind_s(settings.LDAP_BIND_DN, settings.LDAP_BIND_PASSWORD)
    results = conn.search_s(BASE_DN, ldap.SCOPE_SUBTREE, f"(uid={username})", ["uid"])  # vuln: form field in an LDAP filter
    conn.unbind_s()
    return JsonResponse({"available": not results})
