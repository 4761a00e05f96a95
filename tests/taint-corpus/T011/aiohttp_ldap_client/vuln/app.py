from aiohttp import web

from ldap_client import LdapClient

client = LdapClient("ldap://ldap:389", "dc=example,dc=com")


async def user_info(request):
    login = request.match_info["login"]
    entries = client.lookup(login)
    return web.json_response({"found": len(entries)})


app = web.Application()
app.router.add_get("/users/{login}", user_info)
