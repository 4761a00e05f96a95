from urllib.parse import urlparse

from flask import Flask, abort, redirect, request

from tracking import decode_target

app = Flask(__name__)
PARTNER_HOSTS = {"shop.partner-a.com", "www.partner-b.net"}


@app.route("/out")
def outbound():
    url = decode_target(request.args["u"])
    return redirect(url, code=302)  # vuln: decoded query param redirected to
