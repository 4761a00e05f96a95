from fastapi.responses import HTMLResponse


def debug_page(user_agent, client_host):
    rows = [("User-Agent", user_agent), ("Client", client_host)]
    table = "".join(f"<tr><th>{k}</th><td>{v}</td></tr>" for k, v in rows)
    return HTMLResponse(content=f"<table>{table}</table>")  # vuln: header in HTML
