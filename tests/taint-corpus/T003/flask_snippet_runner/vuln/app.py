import contextlib
import io

from flask import Flask, render_template, request

app = Flask(__name__)
SNIPPETS = {
    "hello": "print('hello, world')",
    "loop": "for i in range(3):\n    print(i)",
    "fib": "a, b = 0, 1\nfor _ in range(10):\n    a, b = b, a + b\nprint(a)",
}


@app.post("/playground/run")
def run_snippet():
    code = request.form.get("code", SNIPPETS["hello"])
    buf = io.StringIO()
    with contextlib.redirect_stdout(buf):
        try:
            exec(code, {"__name__": "__playground__"})  # vuln: form field executed
        except Exception as exc:
            print(f"error: {exc}")
    return render_template("playground.html", output=buf.getvalue())
