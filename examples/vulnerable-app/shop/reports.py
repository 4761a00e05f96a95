"""Sales reports, run by the views of taint_views.py.

The region these helpers receive comes from the query string of
taint_views.sales_report / safe_sales_report: the request data crosses a
module boundary before it reaches the database.
"""
from django.db import connection


def region_totals(region):
    with connection.cursor() as cursor:
        # vulnerable: T001 SQL injection, the region of taint_views.sales_report spliced into the query
        cursor.execute(
            "SELECT product_id, SUM(quantity) FROM shop_orderline "
            f"WHERE region = '{region}' GROUP BY product_id ORDER BY 2 DESC"
        )
        return cursor.fetchall()


def safe_region_totals(region):
    with connection.cursor() as cursor:
        # safe twin: the region of taint_views.safe_sales_report is a query parameter
        cursor.execute(
            "SELECT product_id, SUM(quantity) FROM shop_orderline "
            "WHERE region = %s GROUP BY product_id ORDER BY 2 DESC",
            [region],
        )
        return cursor.fetchall()
