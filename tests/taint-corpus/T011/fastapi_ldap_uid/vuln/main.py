import ldap
from fastapi import FastAPI, HTTPException
from ldap.filter import escape_filter_chars

app = FastAPI()


@app.get("/accounts/{uid}")
def account(uid: str):
    conn = ldap.initialize("ldap://directory:389")
    conn.simple_bind_s()
    res = conn.search_s("ou=accounts,dc=example,dc=org", ldap.SCOPE_SUBTREE, f"(uid={uid})", ["cn", "mail"])  # vuln: path param in an LDAP filter
    if not res:
        raise HTTPException(status_code=404)
    _, attrs = res[0]
    return {k: [v.decode() for v in vals] for k, vals in attrs.items()}
