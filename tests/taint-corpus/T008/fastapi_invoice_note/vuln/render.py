from jinja2 import Environment

env = Environment(autoescape=True)
INVOICE_TPL = "<h1>Invoice {{ number }}</h1><p class='note'>__NOTE__</p><p>Total: {{ total }}</p>"


def render_invoice(number, total, note):
    template = env.from_string(INVOICE_TPL.replace("__NOTE__", note))  # vuln: body field in the template source
    return template.render(number=number, total=total)
