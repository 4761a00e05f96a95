from flask import Flask, abort, request

app = Flask(__name__)
RENDERERS = {"markdown", "docutils", "textile"}


@app.route("/preview/<renderer>", methods=["POST"])
def preview(renderer):
    if renderer not in RENDERERS:  # safe: allow-list guard
        abort(404)
    module = __import__(renderer)
    if not hasattr(module, "render"):
        abort(404)
    return module.render(request.get_data(as_text=True))
