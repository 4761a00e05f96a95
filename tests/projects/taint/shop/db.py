"""Queries of the shop: the view passes the search text in."""
from django.db import connection


def search_products(term):
    with connection.cursor() as cursor:
        cursor.execute("SELECT id FROM product WHERE name LIKE '%" + term + "%'")
        return cursor.fetchall()


def count_products(term):
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM product WHERE name = %s", [term])
        return cursor.fetchone()
