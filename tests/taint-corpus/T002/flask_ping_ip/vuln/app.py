import ipaddress
import subprocess

from flask import Flask, render_template, request

app = Flask(__name__)


@app.route("/diagnostics/ping")
def ping():
    ip = request.args.get("ip", "127.0.0.1")
    try:
        output = subprocess.check_output("ping -c 1 " + ip, shell=True, stderr=subprocess.STDOUT, timeout=10)  # vuln: ip in a shell command
    except subprocess.CalledProcessError as exc:
        output = exc.output
    return render_template("ping.html", output=output.decode(errors="replace"))
