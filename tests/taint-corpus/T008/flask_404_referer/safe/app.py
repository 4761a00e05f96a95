from flask import Flask, render_template_string, request

app = Flask(__name__)


@app.errorhandler(404)
def not_found(error):
    back = request.headers.get("Referer", "/")
    page = """{% extends "layout.html" %}
{% block body %}
<h1>Page not found</h1>
<a href="{{ back }}">Go back</a>
{% endblock %}"""
    return render_template_string(page, back=back), 404  # safe: constant template, data as a context variable
