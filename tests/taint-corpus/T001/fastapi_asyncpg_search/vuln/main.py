import asyncpg
from fastapi import FastAPI

app = FastAPI()


@app.on_event("startup")
async def startup():
    app.state.pool = await asyncpg.create_pool("postgresql://books@localhost/books")


@app.get("/books/search")
async def search_books(q: str, limit: int = 20):
    async with app.state.pool.acquire() as conn:
        rows = await conn.fetch(f"SELECT id, title, author FROM books WHERE title ILIKE '%{q}%' LIMIT {limit}")  # vuln: query param in SQL
    return [dict(r) for r in rows]
