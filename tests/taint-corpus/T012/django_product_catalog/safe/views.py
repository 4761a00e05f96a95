from django.shortcuts import render

from .catalog import ProductCatalog

catalog = ProductCatalog("catalog.xml")


def products(request):
    category = request.GET.get("category", "books")
    return render(request, "catalog/products.html", {"items": catalog.find(category), "category": category})
