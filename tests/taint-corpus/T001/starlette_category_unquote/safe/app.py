import sqlite3
from urllib.parse import unquote

from starlette.applications import Starlette
from starlette.responses import JSONResponse
from starlette.routing import Route


async def list_products(request):
    category = unquote(request.query_params.get("category", "all"))
    db = sqlite3.connect("shop.db")
    if category == "all":
        rows = db.execute("SELECT id, name FROM products").fetchall()
    else:
        rows = db.execute("SELECT id, name FROM products WHERE category = ?", (category,)).fetchall()  # safe: parameterised query
    db.close()
    return JSONResponse([{"id": r[0], "name": r[1]} for r in rows])


app = Starlette(routes=[Route("/products", list_products)])
