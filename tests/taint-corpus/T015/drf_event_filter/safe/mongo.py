from pymongo import MongoClient

events = MongoClient("mongodb://mongo:27017")["analytics"]["events"]


def find_events(filter_doc, limit=100):
    return [{**e, "_id": str(e["_id"])} for e in events.find(filter_doc).limit(limit)]
