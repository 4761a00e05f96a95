from django.db import connection


class CustomerRepo:
    table = "crm_customer"

    def search(self, term, limit=50):
        sql = "SELECT id, name, email FROM {} WHERE name ILIKE '%{}%' LIMIT {}".format(self.table, term, limit)
        with connection.cursor() as cur:
            cur.execute(sql)
            cols = [c[0] for c in cur.description]
            return [dict(zip(cols, row)) for row in cur.fetchall()]
