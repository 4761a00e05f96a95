from fastapi import FastAPI

from search import search_titles

app = FastAPI()


@app.get("/articles/search")
def search(q: str):
    return {"results": search_titles(q)}
