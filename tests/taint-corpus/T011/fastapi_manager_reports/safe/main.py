from fastapi import Depends, FastAPI
from ldap3 import Connection, Server
from ldap3.utils.conv import escape_filter_chars
from pydantic import BaseModel

from .directory import find_reports

app = FastAPI()


class ReportsQuery(BaseModel):
    manager: str


def get_conn():
    conn = Connection(Server("ldap.example.com"), auto_bind=True)
    try:
        yield conn
    finally:
        conn.unbind()


@app.post("/org/reports")
def direct_reports(query: ReportsQuery, conn: Connection = Depends(get_conn)):
    return {"reports": find_reports(conn, escape_filter_chars(query.manager))}  # safe: escape_filter_chars
