import re
from typing import Optional

import psycopg2
from fastapi import FastAPI, Header, HTTPException

app = FastAPI()
TENANT_RE = re.compile(r"[a-z][a-z0-9_]{0,30}")


@app.get("/reports/monthly")
def monthly_report(x_tenant: Optional[str] = Header(default=None)):
    if x_tenant is None:
        raise HTTPException(status_code=400, detail="X-Tenant header required")
    tenant = x_tenant.lower()
    if not TENANT_RE.fullmatch(tenant):  # safe: regex fullmatch guard
        raise HTTPException(status_code=400, detail="bad tenant")
    conn = psycopg2.connect("dbname=saas")
    with conn, conn.cursor() as cur:
        cur.execute("SET search_path TO " + tenant + ", public")
        cur.execute("SELECT month, revenue FROM monthly_revenue ORDER BY month")
        rows = cur.fetchall()
    return {"tenant": tenant, "rows": rows}
