async def check_credentials(db, login, password):
    row = await db.fetchrow("SELECT id, pw FROM users WHERE login = $1", login)
    if row and row["pw"] == password:
        return row["id"]
    return None
