from django.db import connection


def sales_by_region(region, year):
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT product_id, SUM(amount) FROM sales_sale "
            "WHERE region = '%s' AND EXTRACT(year FROM sold_at) = %d "
            "GROUP BY product_id" % (region, year)
        )
        return cursor.fetchall()
