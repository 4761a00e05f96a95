import ipaddress
import subprocess

from flask import Flask, render_template, request

app = Flask(__name__)


@app.route("/diagnostics/ping")
def ping():
    ip = str(ipaddress.ip_address(request.args.get("ip", "127.0.0.1")))  # safe: parsed as an IP address
    try:
        output = subprocess.check_output("ping -c 1 " + ip, shell=True, stderr=subprocess.STDOUT, timeout=10)
    except subprocess.CalledProcessError as exc:
        output = exc.output
    return render_template("ping.html", output=output.decode(errors="replace"))
