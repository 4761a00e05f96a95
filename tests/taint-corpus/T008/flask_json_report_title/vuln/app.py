from flask import Flask, request
from jinja2 import Environment, select_autoescape

app = Flask(__name__)
env = Environment(autoescape=select_autoescape())


@app.post("/reports/render")
def render_report():
    spec = request.get_json()
    title = spec.get("title", "Report")
    rows = spec.get("rows", [])
    tpl = env.from_string("<h1>" + title + "</h1><table>{% for r in rows %}<tr><td>{{ r }}</td></tr>{% endfor %}</table>")  # vuln: JSON value in the template source
    return tpl.render(rows=rows)
