import subprocess

from django.http import JsonResponse

from .db import count_products, search_products


def search(request):
    term = request.GET.get("q", "")
    return JsonResponse({"ids": search_products(term), "count": count_products(term)})


def ping(request):
    host = request.GET["host"]
    out = subprocess.check_output("ping -c 1 " + host, shell=True)
    return JsonResponse({"out": out.decode()})


def ping_ignored(request):
    host = request.GET["host"]
    out = subprocess.check_output("ping -c 1 " + host, shell=True)  # pyward: ignore[T002]
    return JsonResponse({"out": out.decode()})
