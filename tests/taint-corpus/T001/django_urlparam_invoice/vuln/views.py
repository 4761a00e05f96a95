from django.db import connection
from django.http import Http404, JsonResponse


def invoice_detail(request, invoice_id):
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT id, total, currency, issued_on FROM billing_invoice WHERE id = {invoice_id}")  # vuln: URL segment in SQL
        row = cursor.fetchone()
    if row is None:
        raise Http404("no such invoice")
    return JsonResponse({"id": row[0], "total": str(row[1]), "currency": row[2], "issued_on": str(row[3])})
