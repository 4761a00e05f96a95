import re

import ldap
from starlette.applications import Starlette
from starlette.responses import JSONResponse
from starlette.routing import Route

NAME_RE = re.compile(r"[A-Za-z .'-]{1,64}")


async def phonebook(request):
    name = request.query_params.get("name", "")
    conn = ldap.initialize("ldap://ldap.office.lan")
    hits = conn.search_s("ou=staff,dc=office,dc=lan", ldap.SCOPE_SUBTREE, "(cn=*%s*)" % name, ["telephoneNumber"])  # vuln: query param in an LDAP filter
    return JSONResponse([{"dn": dn, "phone": [p.decode() for p in a.get("telephoneNumber", [])]} for dn, a in hits])


app = Starlette(routes=[Route("/phonebook", phonebook)])
