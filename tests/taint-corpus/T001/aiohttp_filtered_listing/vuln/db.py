def build_where(filters):
    clauses = []
    for column, value in filters.items():
        clauses.append(f"{column} = '{value}'")
    return " AND ".join(clauses) or "TRUE", []


async def list_tasks(pool, filters):
    where, args = build_where(filters)
    async with pool.acquire() as conn:
        return await conn.fetch("SELECT id, title, status FROM tasks WHERE " + where, *args)  # vuln: query values joined into SQL
