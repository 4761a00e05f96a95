def build_where(filters):
    clauses = []
    for i, column in enumerate(filters, start=1):
        clauses.append(f"{column} = ${i}")
    return " AND ".join(clauses) or "TRUE", list(filters.values())  # safe: values passed as bind parameters


async def list_tasks(pool, filters):
    where, args = build_where(filters)
    async with pool.acquire() as conn:
        return await conn.fetch("SELECT id, title, status FROM tasks WHERE " + where, *args)
