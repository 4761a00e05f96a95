import json

from django.conf import settings
from django.http import JsonResponse
from django.views.decorators.csrf import csrf_exempt
from pymongo import MongoClient

tokens = MongoClient(settings.MONGO_URI)["auth"]["device_tokens"]


@csrf_exempt
def verify_device(request):
    data = json.loads(request.body)
    record = tokens.find_one({"token": str(data.get("token"))})  # safe: value converted to str
    return JsonResponse({"valid": record is not None})
