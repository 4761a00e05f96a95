from django.http import JsonResponse
from pymongo import MongoClient

members = MongoClient()["club"]["members"]


def members_older_than(request):
    min_age = str(int(request.GET.get("min_age", "18")))  # safe: converted to int
    cursor = members.find({"$where": "this.age > " + min_age}, {"_id": 0, "name": 1})
    return JsonResponse({"members": list(cursor)})
