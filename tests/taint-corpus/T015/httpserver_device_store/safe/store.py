from pymongo import MongoClient

devices = MongoClient()["iot"]["devices"]


def find_device(query):
    return devices.find_one({"serial": query.get("serial"), "secret": query.get("secret")})
