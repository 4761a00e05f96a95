from jinja2 import Environment

env = Environment(autoescape=True)
INVOICE_TPL = "<h1>Invoice {{ number }}</h1><p class='note'>{{ note }}</p><p>Total: {{ total }}</p>"


def render_invoice(number, total, note):
    template = env.from_string(INVOICE_TPL)
    return template.render(number=number, total=total, note=note)  # safe: constant template, data as a context variable
