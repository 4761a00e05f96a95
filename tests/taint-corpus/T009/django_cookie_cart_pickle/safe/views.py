import base64
import json
import pickle

from django.shortcuts import render

from shop.models import Product


def cart(request):
    raw = request.COOKIES.get("cart")
    items = {}
    if raw:
        items = json.loads(base64.b64decode(raw))  # safe: json.loads
    products = Product.objects.filter(pk__in=items.keys())
    lines = [(p, items[str(p.pk)]) for p in products]
    return render(request, "shop/cart.html", {"lines": lines})
