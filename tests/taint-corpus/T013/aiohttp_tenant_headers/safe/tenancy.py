def tenant_headers(tenant):
    return {"X-Tenant": tenant, "Vary": "X-Tenant"}
