from pymongo import MongoClient

articles = MongoClient()["cms"]["articles"]


def search_titles(q):
    query = {"title": q}  # safe: plain equality on a string, no $where
    return list(articles.find(query, {"_id": 0, "title": 1}))
