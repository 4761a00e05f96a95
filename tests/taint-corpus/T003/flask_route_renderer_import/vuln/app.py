from flask import Flask, abort, request

app = Flask(__name__)
RENDERERS = {"markdown", "docutils", "textile"}


@app.route("/preview/<renderer>", methods=["POST"])
def preview(renderer):
    module = __import__(renderer)  # vuln: route variable imported as a module
    if not hasattr(module, "render"):
        abort(404)
    return module.render(request.get_data(as_text=True))
