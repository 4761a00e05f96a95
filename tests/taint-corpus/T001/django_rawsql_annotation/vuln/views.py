from django.db.models.expressions import RawSQL
from django.http import JsonResponse
from django.views import View

from orders.models import Customer


class CustomerOrderCounts(View):
    def get(self, request):
        status = request.GET.get("status", "shipped")
        customers = Customer.objects.annotate(
            order_count=RawSQL(
                f"SELECT COUNT(*) FROM orders_order o WHERE o.customer_id = orders_customer.id AND o.status = '{status}'",  # vuln: status in RawSQL
                [],
            )
        )
        data = [{"id": c.id, "orders": c.order_count} for c in customers[:100]]
        return JsonResponse({"customers": data})
