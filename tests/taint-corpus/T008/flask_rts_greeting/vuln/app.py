from flask import Flask, render_template_string, request

app = Flask(__name__)


@app.route("/welcome")
def welcome():
    name = request.args.get("name", "guest")
    template = f"""
    {{% extends "base.html" %}}
    {{% block content %}}<h1>Welcome, {name}!</h1>{{% endblock %}}
    """
    return render_template_string(template)  # vuln: query param in the template source
