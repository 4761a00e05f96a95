from django.shortcuts import render

from .models import Product


def search(request):
    q = request.GET.get("q", "").strip()
    only_in_stock = request.GET.get("stock") == "1"
    products = []
    if q:
        sql = "SELECT * FROM shop_product WHERE name LIKE %s ORDER BY name"
        products = list(Product.objects.raw(sql, [f"%{q}%"]))  # safe: parameterised query
        if only_in_stock:
            products = [p for p in products if p.in_stock]
    return render(request, "shop/search.html", {"products": products, "q": q})
