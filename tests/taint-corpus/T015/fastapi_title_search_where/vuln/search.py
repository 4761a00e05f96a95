from pymongo import MongoClient

articles = MongoClient()["cms"]["articles"]


def search_titles(q):
    query = {"$where": "this.title.indexOf('" + q + "') >= 0"}
    return list(articles.find(query, {"_id": 0, "title": 1}))  # vuln: query param in a $where expression
