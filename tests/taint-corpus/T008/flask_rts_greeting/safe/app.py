from flask import Flask, render_template_string, request

app = Flask(__name__)


@app.route("/welcome")
def welcome():
    name = request.args.get("name", "guest")
    template = """
    {% extends "base.html" %}
    {% block content %}<h1>Welcome, {{ name }}!</h1>{% endblock %}
    """
    return render_template_string(template, name=name)  # safe: constant template, data as a context variable
