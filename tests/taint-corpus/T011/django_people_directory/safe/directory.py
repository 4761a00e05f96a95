from django.conf import settings
from ldap3 import ALL, Connection, Server
from ldap3.utils.conv import escape_filter_chars


class DirectoryService:
    def __init__(self):
        server = Server(settings.LDAP_HOST, get_info=ALL)
        self.conn = Connection(server, settings.LDAP_BIND_DN, settings.LDAP_BIND_PASSWORD, auto_bind=True)

    def find_people(self, text):
        text = escape_filter_chars(text)  # safe: escape_filter_chars
        search_filter = f"(|(cn=*{text}*)(mail=*{text}*))"
        self.conn.search("ou=people,dc=corp,dc=example", search_filter, attributes=["cn", "mail", "telephoneNumber"])
        return [e.entry_attributes_as_dict for e in self.conn.entries]
