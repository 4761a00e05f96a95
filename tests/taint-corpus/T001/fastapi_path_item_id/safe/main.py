import sqlite3

from fastapi import FastAPI, HTTPException

app = FastAPI()


def get_conn():
    conn = sqlite3.connect("inventory.db")
    conn.row_factory = sqlite3.Row
    return conn


@app.get("/items/{item_id}")
def read_item(item_id: int):  # safe: FastAPI validates an int
    conn = get_conn()
    row = conn.execute(f"SELECT id, name, quantity FROM items WHERE id = {item_id}").fetchone()
    conn.close()
    if row is None:
        raise HTTPException(status_code=404, detail="Item not found")
    return dict(row)
