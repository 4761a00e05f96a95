from flask import Flask, render_template_string, request

app = Flask(__name__)


@app.errorhandler(404)
def not_found(error):
    back = request.headers.get("Referer", "/")
    page = """{%% extends "layout.html" %%}
{%% block body %%}
<h1>Page not found</h1>
<a href="%s">Go back</a>
{%% endblock %%}""" % back
    return render_template_string(page), 404  # vuln: Referer in the template source
