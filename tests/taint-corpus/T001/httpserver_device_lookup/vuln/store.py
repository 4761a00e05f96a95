import sqlite3


def find_device(conn: sqlite3.Connection, serial: str):
    query = "SELECT serial, model, firmware FROM devices WHERE serial = '{}'".format(serial)
    return conn.execute(query).fetchone()  # vuln: serial formatted into SQL
