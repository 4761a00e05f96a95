from pymongo import MongoClient


class OrderRepo:
    def __init__(self, uri="mongodb://localhost:27017"):
        self.col = MongoClient(uri)["shop"]["orders"]

    def search(self, criteria, limit=50):
        return list(self.col.find(criteria, {"_id": 0}).limit(limit))  # vuln: JSON body used as the query document
