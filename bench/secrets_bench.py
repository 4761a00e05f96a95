#!/usr/bin/env python3
"""Benchmark of pyward's secrets analyzer (SEC001-SEC005) against detect-secrets.

Usage (from the repository root, after `cargo build --release`):

    python3 bench/secrets_bench.py [--pyward target/release/pyward] [--runs 3] \
        [--cache-dir target/bench] [--json]

What it does:

1. installs detect-secrets==1.5.0 with pip for this interpreter if it is missing
   (``--no-install`` turns that off);
2. downloads the sdist of Django 6.1.3 into the cache directory and extracts it
   once, with bench/bench.py's helpers and cache (``<cache-dir>/sdist/`` and
   ``<cache-dir>/django-6.1.3/``);
3. builds the tree ``<cache-dir>/secrets-bench/django-<version>/``: a copy of the
   whole sdist (made once) plus a folder ``planted/``, rewritten at every run, of
   generated fake secrets, one per line, in every kind of file a project keeps
   them in (.py, .env, .yaml, .json, .toml, .ini, .cfg, Dockerfile, Compose file,
   shell script, Markdown, .ipynb, key files): 69 secrets over the
   providers and kinds of SEC001-SEC005 (cloud, VCS, chat, payment, mail, AI,
   registry keys; PEM, OpenSSH, PGP and PuTTY private keys; database and broker
   URLs with a password; SECRET_KEYs; passwords and tokens). Every value is
   random (seeded: the same at every run) in its provider's format, and never a
   real credential. Each one's file, line and kind is recorded;
4. runs, from the tree's root, ``--runs`` times each (default 3):
       detect-secrets scan --all-files -n .
       pyward scan . --select SEC --format json --exit-zero --no-progress --offline
   (``-n``: detect-secrets verifies nothing over the network; without it, it
   would send the fake Slack and Stripe keys to those services);
5. prints, for each tool, the planted secrets it found (a finding of any kind at
   the secret's file and line) and the list of those it missed; the findings it
   reports on Django's own files (outside planted/), with a per-file listing:
   Django holds no real secret, so these are presumably false alarms, printed for
   a person to inspect; the median wall time of each and the ratio
   detect-secrets / pyward;
6. checks the targets:
     - every planted secret that detect-secrets finds, pyward finds too;
     - pyward reports fewer findings than detect-secrets on Django's own files;
     - pyward is at least 20 times faster (median wall time);
   and exits 1 when one fails (or when a tool could not be run), 0 otherwise.

``--json`` also prints every figure as one JSON object at the end; the same
object is written to ``<cache-dir>/secrets-bench-results.json``.

Only the Python standard library is used (plus the detect-secrets it installs).
"""

from __future__ import annotations

import argparse
import base64
import datetime as _dt
import json
import os
import platform
import random
import shutil
import statistics
import string
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO_ROOT = HERE.parent
sys.path.insert(0, str(HERE))

# bench/bench.py: the Django sdist download and extraction (same cache), helpers.
from bench import DJANGO_VERSION, find_script, installed_version, prepare_corpus, warm_page_cache

DETECT_SECRETS_VERSION = "1.5.0"
SPEED_TARGET = 20.0
SEED = 20261128


def log(msg: str) -> None:
    print(f"[secrets-bench] {msg}", file=sys.stderr, flush=True)


# --------------------------------------------------------------------------
# Fake secrets
# --------------------------------------------------------------------------

ALNUM = string.ascii_letters + string.digits
UPPER_NUM = string.ascii_uppercase + string.digits
LOWER_NUM = string.ascii_lowercase + string.digits
HEX = "0123456789abcdef"
B32 = string.ascii_uppercase + "234567"
B64 = ALNUM + "+/"
URLSAFE = ALNUM + "-_"
# Substrings that secret scanners take for placeholders: a random value that
# happens to hold one is drawn again.
PLACEHOLDER_PARTS = ("xxxx", "****", "your", "placeholder", "changeme", "change_me", "dummy", "example", "test",
                     "sample", "fake")


class Fakes:
    """Random values in each provider's format, from a seeded generator."""

    def __init__(self, seed: int = SEED):
        self.r = random.Random(seed)

    def s(self, alphabet: str, n: int) -> str:
        while True:
            v = "".join(self.r.choice(alphabet) for _ in range(n))
            if not any(p in v.lower() for p in PLACEHOLDER_PARTS):
                return v

    def digits(self, n: int) -> str:
        return str(self.r.randint(1, 9)) + self.s(string.digits, n - 1)

    def b64(self, nbytes: int, urlsafe: bool = False) -> str:
        while True:
            raw = bytes(self.r.getrandbits(8) for _ in range(nbytes))
            v = (base64.urlsafe_b64encode if urlsafe else base64.b64encode)(raw).decode()
            if not any(p in v.lower() for p in PLACEHOLDER_PARTS):
                return v

    def password(self, n: int = 18) -> str:
        # Letters, digits and a few symbols that need no escaping in a URL,
        # a shell, YAML or an .env file.
        while True:
            v = self.s(ALNUM + "!%^*-_.~", n)
            if any(c.isdigit() for c in v) and any(c.isalpha() for c in v) and v[0].isalnum():
                return v

    # Provider formats -----------------------------------------------------
    def aws_key_id(self) -> str:
        return "AKIA" + self.s(B32, 16)

    def aws_secret(self) -> str:
        return self.s(B64, 40)

    def gcp_api_key(self) -> str:
        return "AIza" + self.s(URLSAFE, 35)

    def azure_storage_conn(self) -> str:
        return ("DefaultEndpointsProtocol=https;AccountName=shopmedia;AccountKey="
                + self.b64(64) + ";EndpointSuffix=core.windows.net")

    def github_pat(self) -> str:
        return "ghp_" + self.s(ALNUM, 36)

    def github_fine_grained(self) -> str:
        return "github_pat_" + self.s(UPPER_NUM, 22) + "_" + self.s(ALNUM, 59)

    def gitlab_pat(self) -> str:
        return "glpat-" + self.s(URLSAFE, 20)

    def bitbucket_app_password(self) -> str:
        return "ATBB" + self.s(ALNUM, 32)

    def slack_bot_token(self) -> str:
        return f"xoxb-{self.digits(12)}-{self.digits(13)}-{self.s(ALNUM, 24)}"

    def slack_webhook(self) -> str:
        return f"https://hooks.slack.com/services/T{self.s(UPPER_NUM, 10)}/B{self.s(UPPER_NUM, 10)}/{self.s(ALNUM, 24)}"

    def discord_bot_token(self) -> str:
        return "M" + self.s(ALNUM, 25) + "." + self.s(URLSAFE, 6) + "." + self.s(URLSAFE, 27)

    def discord_webhook(self) -> str:
        return f"https://discord.com/api/webhooks/{self.digits(19)}/{self.s(URLSAFE, 68)}"

    def telegram_bot_token(self) -> str:
        return f"{self.digits(10)}:AA{self.s(URLSAFE, 33)}"

    def stripe_live(self) -> str:
        return "sk_live_" + self.s(ALNUM, 24)

    def stripe_restricted(self) -> str:
        return "rk_live_" + self.s(ALNUM, 24)

    def braintree_token(self) -> str:
        return f"access_token$production${self.s(LOWER_NUM, 16)}${self.s(HEX, 32)}"

    def square_token(self) -> str:
        return "sq0atp-" + self.s(URLSAFE, 22)

    def square_secret(self) -> str:
        return "sq0csp-" + self.s(URLSAFE, 43)

    def shopify_token(self) -> str:
        return "shpat_" + self.s(HEX, 32)

    def twilio_api_key(self) -> str:
        return "SK" + self.s(HEX, 32)

    def sendgrid_key(self) -> str:
        return "SG." + self.s(URLSAFE, 22) + "." + self.s(URLSAFE, 43)

    def mailgun_key(self) -> str:
        return "key-" + self.s(HEX, 32)

    def mailchimp_key(self) -> str:
        return self.s(HEX, 32) + f"-us{self.r.randint(2, 21)}"

    def cloudinary_url(self) -> str:
        return f"cloudinary://{self.digits(15)}:{self.s(URLSAFE, 27)}@shop-media"

    def sentry_dsn(self) -> str:
        return f"https://{self.s(HEX, 32)}:{self.s(HEX, 32)}@o{self.digits(6)}.ingest.sentry.io/{self.digits(7)}"

    def openai_key(self) -> str:
        return "sk-proj-" + self.s(ALNUM, 40) + "T3BlbkFJ" + self.s(ALNUM, 40)

    def anthropic_key(self) -> str:
        return "sk-ant-api03-" + self.s(URLSAFE, 93) + "AA"

    def huggingface_token(self) -> str:
        return "hf_" + self.s(string.ascii_letters, 34)

    def pypi_token(self) -> str:
        return "pypi-AgEIcHlwaS5vcmc" + self.s(URLSAFE, 150)

    def npm_token(self) -> str:
        return "npm_" + self.s(ALNUM, 36)

    def dockerhub_pat(self) -> str:
        return "dckr_pat_" + self.s(URLSAFE, 27)

    def heroku_key(self) -> str:
        return "HRKU-AA" + self.s(URLSAFE, 58)

    def digitalocean_token(self) -> str:
        return "dop_v1_" + self.s(HEX, 64)

    def fcm_server_key(self) -> str:
        return "AAAA" + self.s(URLSAFE, 7) + ":APA91b" + self.s(URLSAFE, 134)

    def jwt(self) -> str:
        enc = lambda d: base64.urlsafe_b64encode(json.dumps(d, separators=(",", ":")).encode()).decode().rstrip("=")
        header = enc({"alg": "HS256", "typ": "JWT"})
        payload = enc({"sub": self.digits(6), "role": "admin", "iat": 1767225600 + self.r.randint(0, 10**6)})
        return f"{header}.{payload}.{self.b64(32, urlsafe=True).rstrip('=')}"

    def fernet_key(self) -> str:
        return self.b64(32, urlsafe=True)

    def aes_key_hex(self) -> str:
        return self.s(HEX, 64)

    def django_secret_key(self) -> str:
        return self.s(ALNUM + "!%^*-_=+", 50)

    def hex_token(self, n: int = 40) -> str:
        return self.s(HEX, n)

    # Keys -------------------------------------------------------------------
    def pem_body(self, nbytes: int) -> list[str]:
        text = self.b64(nbytes)
        return [text[i:i + 64] for i in range(0, len(text), 64)]

    def pem(self, label: str, nbytes: int = 900, headers: list[str] | None = None) -> list[str]:
        return ([f"-----BEGIN {label}-----"] + (headers or []) + self.pem_body(nbytes)
                + [f"-----END {label}-----"])

    def putty_key(self) -> list[str]:
        pub, priv = self.pem_body(279), self.pem_body(660)
        return (["PuTTY-User-Key-File-3: ssh-rsa", "Encryption: none", "Comment: deploy@build",
                 f"Public-Lines: {len(pub)}", *pub, f"Private-Lines: {len(priv)}", *priv,
                 f"Private-MAC: {self.s(HEX, 64)}"])


@dataclass
class Planted:
    file: str   # relative to the tree, e.g. planted/settings.py
    line: int
    kind: str   # what it is: aws-access-key-id, url-password-postgres, ...
    rule: str   # the pyward rule expected to report it


class PlantedFile:
    """Lines of one planted file, recording where each secret lands."""

    def __init__(self, name: str, planted: list[Planted]):
        self.name = name
        self.lines: list[str] = []
        self.planted = planted

    def add(self, *lines: str) -> PlantedFile:
        self.lines.extend(lines)
        return self

    def secret(self, kind: str, rule: str, line: str) -> PlantedFile:
        self.lines.append(line)
        self.planted.append(Planted(f"planted/{self.name}", len(self.lines), kind, rule))
        return self

    def block(self, kind: str, rule: str, lines: list[str]) -> PlantedFile:
        """A multi-line secret (a key): recorded at its first line."""
        self.planted.append(Planted(f"planted/{self.name}", len(self.lines) + 1, kind, rule))
        self.lines.extend(lines)
        return self

    def text(self) -> str:
        return "\n".join(self.lines) + "\n"


def build_planted(seed: int = SEED) -> tuple[dict[str, str], list[Planted]]:
    """The planted files (name -> text) and the secrets in them."""
    f = Fakes(seed)
    planted: list[Planted] = []
    files: dict[str, str] = {}

    def new(name: str) -> PlantedFile:
        return PlantedFile(name, planted)

    # settings.py: a Django settings module.
    py = new("settings.py").add('"""Production settings of the shop (generated by bench/secrets_bench.py)."""', "",
                                "import os", "", "DEBUG = False", 'ALLOWED_HOSTS = ["shop.internal"]')
    py.secret("django-secret-key", "SEC004", f'SECRET_KEY = "{f.django_secret_key()}"')
    py.add("DATABASES = {", '    "default": {', '        "ENGINE": "django.db.backends.postgresql",',
           '        "NAME": "shop",', '        "USER": "shop",')
    py.secret("password", "SEC005", f'        "PASSWORD": "{f.password()}",')
    py.add("    }", "}", 'EMAIL_HOST = "smtp.internal"')
    py.secret("password", "SEC005", f'EMAIL_HOST_PASSWORD = "{f.password(16)}"')
    py.secret("aws-access-key-id", "SEC001", f'AWS_ACCESS_KEY_ID = "{f.aws_key_id()}"')
    py.secret("aws-secret-access-key", "SEC001", f'AWS_SECRET_ACCESS_KEY = "{f.aws_secret()}"')
    py.secret("stripe-secret-key", "SEC001", f'STRIPE_API_KEY = "{f.stripe_live()}"')
    py.secret("url-password-amqp", "SEC003", f'CELERY_BROKER_URL = "amqp://shop:{f.password()}@rabbitmq.internal:5672/shop"')
    py.secret("sentry-dsn", "SEC001", f'SENTRY_DSN = "{f.sentry_dsn()}"')
    py.secret("fernet-key", "SEC001", f'FERNET_KEY = "{f.fernet_key()}"')
    files[py.name] = py.text()

    # .env
    env = new(".env").add("# shop: production environment", "DJANGO_DEBUG=false", "LOG_LEVEL=info")
    env.secret("django-secret-key", "SEC004", f"DJANGO_SECRET_KEY={f.django_secret_key()}")
    env.secret("url-password-postgres", "SEC003", f"DATABASE_URL=postgres://shop:{f.password()}@db.internal:5432/shop")
    env.secret("url-password-redis", "SEC003", f"REDIS_URL=redis://default:{f.password()}@cache.internal:6379/0")
    env.secret("sendgrid-api-key", "SEC001", f"SENDGRID_API_KEY={f.sendgrid_key()}")
    env.secret("github-pat", "SEC001", f"GITHUB_TOKEN={f.github_pat()}")
    env.secret("openai-api-key", "SEC001", f"OPENAI_API_KEY={f.openai_key()}")
    env.secret("anthropic-api-key", "SEC001", f"ANTHROPIC_API_KEY={f.anthropic_key()}")
    env.secret("huggingface-token", "SEC001", f"HF_TOKEN={f.huggingface_token()}")
    env.secret("password", "SEC005", f"SMTP_PASSWORD={f.password(14)}")
    files[env.name] = env.text()

    # config.yaml
    yml = new("config.yaml").add("# shop services", "notifications:", "  slack:", "    channel: '#orders'")
    yml.secret("slack-bot-token", "SEC001", f"    bot_token: {f.slack_bot_token()}")
    yml.secret("slack-webhook", "SEC001", f"    webhook_url: {f.slack_webhook()}")
    yml.add("  sms:", "    provider: twilio", "    account: shop-prod")
    yml.secret("twilio-api-key", "SEC001", f"    api_key_sid: {f.twilio_api_key()}")
    yml.add("mail:")
    yml.secret("mailgun-api-key", "SEC001", f"  mailgun_api_key: {f.mailgun_key()}")
    yml.secret("mailchimp-api-key", "SEC001", f"  mailchimp_api_key: {f.mailchimp_key()}")
    yml.add("payments:")
    yml.secret("square-access-token", "SEC001", f"  square_access_token: {f.square_token()}")
    yml.add("storage:")
    yml.secret("url-password-mongodb", "SEC003", f'  mongodb_uri: "mongodb+srv://shop:{f.password()}@cluster0.internal/shop"')
    yml.secret("token", "SEC005", f"  api_token: {f.hex_token(40)}")
    files[yml.name] = yml.text()

    # secrets.json
    js = new("secrets.json")
    js.add("{", '  "project": "shop",')
    js.secret("gcp-api-key", "SEC001", f'  "google_maps_api_key": "{f.gcp_api_key()}",')
    js.secret("firebase-fcm-server-key", "SEC001", f'  "fcm_server_key": "{f.fcm_server_key()}",')
    js.secret("azure-storage-key", "SEC001", f'  "azure_storage_connection_string": "{f.azure_storage_conn()}",')
    js.secret("stripe-restricted-key", "SEC001", f'  "stripe_restricted_key": "{f.stripe_restricted()}",')
    js.secret("jwt", "SEC001", f'  "service_jwt": "{f.jwt()}",')
    js.secret("password", "SEC005", f'  "admin_password": "{f.password(20)}",')
    pkcs8 = "\\n".join(f.pem("PRIVATE KEY", 1200)) + "\\n"
    js.secret("private-key-pkcs8", "SEC002", f'  "private_key": "{pkcs8}",')
    js.add('  "region": "europe-west1"', "}")
    files[js.name] = js.text()

    # config.toml
    toml = new("config.toml").add("# release tooling", "[pypi]", 'repository = "https://upload.pypi.org/legacy/"')
    toml.secret("pypi-token", "SEC001", f'token = "{f.pypi_token()}"')
    toml.add("", "[docker]", 'username = "shopci"')
    toml.secret("dockerhub-pat", "SEC001", f'access_token = "{f.dockerhub_pat()}"')
    toml.add("", "[vcs]")
    toml.secret("gitlab-pat", "SEC001", f'gitlab_token = "{f.gitlab_pat()}"')
    toml.secret("bitbucket-app-password", "SEC001", f'bitbucket_app_password = "{f.bitbucket_app_password()}"')
    toml.add("", "[shopify]", 'shop = "acme-shop"')
    toml.secret("shopify-token", "SEC001", f'admin_api_token = "{f.shopify_token()}"')
    toml.add("", "[telegram]")
    toml.secret("telegram-bot-token", "SEC001", f'bot_token = "{f.telegram_bot_token()}"')
    files[toml.name] = toml.text()

    # app.ini
    ini = new("app.ini").add("; shop back office", "[database]", "host = mysql.internal")
    ini.secret("url-password-mysql", "SEC003", f"url = mysql://backoffice:{f.password()}@mysql.internal:3306/backoffice")
    ini.add("", "[payments]")
    ini.secret("braintree-access-token", "SEC001", f"braintree_access_token = {f.braintree_token()}")
    ini.secret("square-secret", "SEC001", f"square_application_secret = {f.square_secret()}")
    ini.add("", "[alerts]")
    ini.secret("discord-webhook", "SEC001", f"discord_webhook = {f.discord_webhook()}")
    files[ini.name] = ini.text()

    # deploy.cfg
    cfg = new("deploy.cfg").add("[media]", "provider = cloudinary")
    cfg.secret("cloudinary-url", "SEC001", f"cloudinary_url = {f.cloudinary_url()}")
    cfg.add("[ldap]", "bind_dn = cn=shop,ou=services,dc=internal")
    cfg.secret("password", "SEC005", f"bind_password = {f.password(16)}")
    files[cfg.name] = cfg.text()

    # Dockerfile
    df = new("Dockerfile").add("FROM python:3.12-slim", "WORKDIR /app")
    df.secret("github-fine-grained-pat", "SEC001", f"ARG GH_TOKEN={f.github_fine_grained()}")
    df.secret("digitalocean-token", "SEC001", f"ENV DIGITALOCEAN_ACCESS_TOKEN={f.digitalocean_token()}")
    df.secret("flask-secret-key", "SEC004", f"ENV FLASK_SECRET_KEY={f.django_secret_key()}")
    df.add("COPY . .", 'CMD ["gunicorn", "shop.wsgi"]')
    files[df.name] = df.text()

    # docker-compose.yml
    dc = new("docker-compose.yml").add("services:", "  db:", "    image: postgres:16", "    environment:",
                                       "      POSTGRES_USER: shop")
    dc.secret("password", "SEC005", f"      POSTGRES_PASSWORD: {f.password()}")
    dc.add("  worker:", "    image: shop-worker", "    environment:")
    dc.secret("url-password-amqp", "SEC003", f"      BROKER_URL: amqp://worker:{f.password()}@rabbitmq:5672/")
    dc.secret("discord-bot-token", "SEC001", f"      DISCORD_BOT_TOKEN: {f.discord_bot_token()}")
    dc.secret("aes-key", "SEC001", f"      AES_KEY: {f.aes_key_hex()}")
    files[dc.name] = dc.text()

    # deploy.sh
    sh = new("deploy.sh").add("#!/bin/sh", "set -eu")
    sh.secret("heroku-api-key", "SEC001", f"export HEROKU_API_KEY={f.heroku_key()}")
    sh.secret("aws-access-key-id", "SEC001", f"export AWS_ACCESS_KEY_ID={f.aws_key_id()}")
    sh.secret("url-password-https", "SEC003",
              f"curl -fsS https://deploy:{f.password()}@artifacts.internal/shop/latest.tar.gz -o shop.tar.gz")
    sh.secret("npm-token", "SEC001", f'npm config set //registry.npmjs.org/:_authToken "{f.npm_token()}"')
    sh.add("./manage.py migrate")
    files[sh.name] = sh.text()

    # NOTES.md
    md = new("NOTES.md").add("# Operations notes", "", "Staging access for the on-call engineer:", "", "```sh")
    md.secret("gitlab-pat", "SEC001", f"export GITLAB_TOKEN={f.gitlab_pat()}")
    md.secret("url-password-postgres", "SEC003", f"psql postgresql://oncall:{f.password()}@staging-db.internal/shop")
    md.add("```", "", "The partner API:", "")
    md.secret("token", "SEC005", f"- token: `{f.hex_token(32)}`")
    files[md.name] = md.text()

    # exploration.ipynb: one secret per source line; lines recorded as the
    # notebook's JSON lines that hold them.
    nb_cells = [
        ("import openai", None),
        (f'openai.api_key = "{f.openai_key()}"', ("openai-api-key", "SEC001")),
        (f'hf_token = "{f.huggingface_token()}"', ("huggingface-token", "SEC001")),
        (f'slack = WebClient(token="{f.slack_bot_token()}")', ("slack-bot-token", "SEC001")),
    ]
    nb_lines = ["{", ' "cells": [', "  {", '   "cell_type": "code",', '   "execution_count": 1,',
                '   "metadata": {},', '   "outputs": [', "    {", '     "name": "stdout",',
                '     "output_type": "stream",', '     "text": [']
    out_line = f"token: {f.jwt()}\n"
    nb_lines.append("      " + json.dumps(out_line))
    planted.append(Planted("planted/exploration.ipynb", len(nb_lines), "jwt", "SEC001"))
    nb_lines += ["     ]", "    }", "   ],", '   "source": [']
    for i, (src, kind) in enumerate(nb_cells):
        sep = "," if i < len(nb_cells) - 1 else ""
        nb_lines.append("    " + json.dumps(src + ("\n" if sep else "")) + sep)
        if kind:
            planted.append(Planted("planted/exploration.ipynb", len(nb_lines), kind[0], kind[1]))
    nb_lines += ["   ]", "  }", " ],", ' "metadata": {"kernelspec": {"name": "python3", "display_name": "Python 3"}},',
                 ' "nbformat": 4,', ' "nbformat_minor": 5', "}"]
    files["exploration.ipynb"] = "\n".join(nb_lines) + "\n"

    # Key files.
    k = new("deploy_key.pem").block("private-key-rsa", "SEC002", f.pem("RSA PRIVATE KEY", 1190))
    files[k.name] = k.text()
    k = new("id_ed25519").block("private-key-openssh", "SEC002", f.pem("OPENSSH PRIVATE KEY", 300))
    files[k.name] = k.text()
    k = new("server.key").block("private-key-ec", "SEC002", f.pem("EC PRIVATE KEY", 121))
    files[k.name] = k.text()
    k = new("backup.key").block("private-key-encrypted", "SEC002", f.pem("ENCRYPTED PRIVATE KEY", 1300))
    files[k.name] = k.text()
    k = new("signing.asc").block("private-key-pgp", "SEC002",
                                 f.pem("PGP PRIVATE KEY BLOCK", 900, headers=["Version: GnuPG v2", ""]))
    files[k.name] = k.text()
    k = new("build.ppk").block("private-key-putty", "SEC002", f.putty_key())
    files[k.name] = k.text()
    return files, planted


# --------------------------------------------------------------------------
# Tools
# --------------------------------------------------------------------------

def ensure_detect_secrets(no_install: bool) -> list[str]:
    """The argv prefix that runs detect-secrets for this interpreter."""
    if installed_version("detect-secrets") != DETECT_SECRETS_VERSION and not no_install:
        log(f"installing detect-secrets=={DETECT_SECRETS_VERSION}")
        r = subprocess.run([sys.executable, "-m", "pip", "install", "-q", f"detect-secrets=={DETECT_SECRETS_VERSION}"],
                           capture_output=True, text=True, check=False)
        if r.returncode != 0:
            raise SystemExit(f"pip install detect-secrets=={DETECT_SECRETS_VERSION} failed:\n{r.stdout}{r.stderr}")
    exe = find_script("detect-secrets")
    if exe:
        return [exe]
    if installed_version("detect-secrets"):
        return [sys.executable, "-m", "detect_secrets"]
    if shutil.which("detect-secrets"):
        return [shutil.which("detect-secrets")]  # type: ignore[list-item]
    raise SystemExit("detect-secrets is not installed (and --no-install was given)")


def tool_version(argv: list[str]) -> str:
    try:
        r = subprocess.run([*argv, "--version"], text=True, capture_output=True, timeout=60, check=False)
    except (OSError, subprocess.TimeoutExpired):
        return "?"
    out = (r.stdout or r.stderr).strip().splitlines()
    return out[0].strip() if out else "?"


# --------------------------------------------------------------------------
# The tree
# --------------------------------------------------------------------------

def build_tree(cache: Path, sdist_root: Path, seed: int) -> tuple[Path, list[Planted], dict]:
    """<cache>/secrets-bench/<sdist>/: the sdist (copied once) + planted/ (rewritten)."""
    base = cache / "secrets-bench"
    base.mkdir(parents=True, exist_ok=True)
    tree = base / sdist_root.name
    marker = base / f"{sdist_root.name}.copied"
    if not (marker.exists() and tree.is_dir()):
        if tree.exists():
            shutil.rmtree(tree)
        log(f"copying {sdist_root} to {tree}")
        shutil.copytree(sdist_root, tree, ignore=shutil.ignore_patterns(".extracted"), symlinks=True)
        marker.write_text(str(sdist_root) + "\n")
    planted_dir = tree / "planted"
    if planted_dir.exists():
        shutil.rmtree(planted_dir)
    planted_dir.mkdir()
    files, planted = build_planted(seed)
    for name, text in files.items():
        (planted_dir / name).write_text(text)
    os.chmod(planted_dir / "deploy.sh", 0o755)
    n_files = sum(1 for p in tree.rglob("*") if p.is_file())
    stats = {"files": n_files, "planted_files": len(files), "planted_secrets": len(planted)}
    return tree, planted, stats


# --------------------------------------------------------------------------
# Runs
# --------------------------------------------------------------------------

def timed(argv: list[str], cwd: Path, out_path: Path) -> tuple[float, int, str]:
    with open(out_path, "wb") as out, tempfile.TemporaryFile() as err:
        t0 = time.perf_counter()
        proc = subprocess.run(argv, cwd=cwd, stdin=subprocess.DEVNULL, stdout=out, stderr=err, check=False)
        wall = time.perf_counter() - t0
        err.seek(0)
        return wall, proc.returncode, err.read().decode("utf-8", "replace")[-1500:]


@dataclass
class Finding:
    path: str
    line: int
    what: str   # detect-secrets' type, pyward's rule


def norm(path: str) -> str:
    path = path.replace("\\", "/")
    return path.removeprefix("./")


def parse_detect_secrets(path: Path) -> list[Finding]:
    data = json.loads(path.read_text())
    out = []
    for filename, items in (data.get("results") or {}).items():
        for item in items:
            out.append(Finding(norm(filename), int(item.get("line_number", 0)), str(item.get("type", "?"))))
    return out


def parse_pyward(path: Path) -> list[Finding]:
    data = json.loads(path.read_text())
    if not isinstance(data, dict):
        raise TypeError("not a JSON object")
    return [Finding(norm(f["path"]), int(f["line"]), str(f["rule"])) for f in data.get("findings", [])
            if not str(f.get("rule", "")).startswith("E")]


def run_tool(name: str, argv: list[str], parse, tree: Path, runs: int, work: Path) -> dict:
    log(f"$ (cd {tree} && {' '.join(argv)})")
    samples: list[float] = []
    findings: list[Finding] | None = None
    error = None
    for i in range(runs):
        out = work / f"{name}-{i}.json"
        try:
            wall, code, err = timed(argv, tree, out)
        except OSError as e:
            error = f"could not start: {e}"
            break
        if code != 0:
            error = f"exit code {code}: {err.strip()[-800:]}"
            break
        try:
            got = parse(out)
        except (OSError, ValueError, KeyError, TypeError) as e:
            error = f"unreadable output ({e}); stderr: {err.strip()[-400:]}"
            break
        if findings is None:
            findings = got
        samples.append(wall)
        log(f"{name} run {i + 1}/{runs}: {wall:.3f} s, {len(got)} findings")
    res = {"name": name, "command": " ".join(argv), "runs": len(samples), "samples_s": [round(s, 4) for s in samples],
           "findings": findings}
    if samples:
        res["median_wall_s"] = statistics.median(samples)
    if error:
        res["error"] = error
        log(f"{name} FAILED: {error}")
    return res


def detection(findings: list[Finding], planted: list[Planted]) -> dict:
    at = {(f.path, f.line) for f in findings}
    found = [p for p in planted if (p.file, p.line) in at]
    missed = [p for p in planted if (p.file, p.line) not in at]
    planted_at = {(p.file, p.line) for p in planted}
    extra = [f for f in findings if f.path.startswith("planted/") and (f.path, f.line) not in planted_at]
    return {"found": found, "missed": missed, "extra_in_planted": extra}


def outside(findings: list[Finding]) -> dict[str, list[Finding]]:
    by_file: dict[str, list[Finding]] = {}
    for f in findings:
        if not f.path.startswith("planted/"):
            by_file.setdefault(f.path, []).append(f)
    for v in by_file.values():
        v.sort(key=lambda f: (f.line, f.what))
    return dict(sorted(by_file.items()))


# --------------------------------------------------------------------------
# Main
# --------------------------------------------------------------------------

def fmt_s(v: float | None) -> str:
    return "n/a" if v is None else (f"{v:.3f} s" if v < 10 else f"{v:.1f} s")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--pyward", default=str(REPO_ROOT / "target" / "release" / "pyward"),
                    help="the pyward binary (default target/release/pyward)")
    ap.add_argument("--runs", type=int, default=3, help="timed runs of each tool; the median counts (default 3)")
    ap.add_argument("--cache-dir", default=str(REPO_ROOT / "target" / "bench"),
                    help="downloads, the extracted sdist and the tree (default target/bench, shared with bench.py)")
    ap.add_argument("--django-version", default=DJANGO_VERSION)
    ap.add_argument("--seed", type=int, default=SEED, help="seed of the planted secrets")
    ap.add_argument("--no-install", action="store_true", help="do not pip-install detect-secrets")
    ap.add_argument("--json", action="store_true", help="also print the figures as one JSON object")
    args = ap.parse_args()

    cache = Path(args.cache_dir).resolve()
    cache.mkdir(parents=True, exist_ok=True)
    pyward = str(Path(args.pyward).resolve()) if os.sep in args.pyward else (shutil.which(args.pyward) or args.pyward)
    if not (os.path.isfile(pyward) and os.access(pyward, os.X_OK)):
        print(f"ERROR: pyward binary {pyward} not found or not executable (cargo build --release)")
        return 1
    ds = ensure_detect_secrets(args.no_install)

    package, version, note = prepare_corpus(cache, args.django_version)
    tree, planted, tree_stats = build_tree(cache, package.parent, args.seed)
    log(f"tree: {tree} ({tree_stats['files']} files; {tree_stats['planted_secrets']} secrets planted in "
        f"{tree_stats['planted_files']} files)")
    warm_page_cache(tree)

    versions = {"pyward": tool_version([pyward]), "detect-secrets": tool_version(ds)}
    runs = max(1, args.runs)
    with tempfile.TemporaryDirectory(prefix="pyward-secrets-bench-") as tmp:
        work = Path(tmp)
        ds_res = run_tool("detect-secrets", [*ds, "scan", "--all-files", "-n", "."], parse_detect_secrets,
                          tree, runs, work)
        pw_res = run_tool("pyward", [pyward, "scan", ".", "--select", "SEC", "--format", "json", "--exit-zero",
                                     "--no-progress", "--offline"], parse_pyward, tree, runs, work)

    failed_tools = [r["name"] for r in (ds_res, pw_res) if r.get("findings") is None or "error" in r]
    ds_f = ds_res.get("findings") or []
    pw_f = pw_res.get("findings") or []
    ds_det, pw_det = detection(ds_f, planted), detection(pw_f, planted)
    pw_found = {(p.file, p.line) for p in pw_det["found"]}
    ds_not_pw = [p for p in ds_det["found"] if (p.file, p.line) not in pw_found]
    ds_out, pw_out = outside(ds_f), outside(pw_f)
    n_ds_out = sum(len(v) for v in ds_out.values())
    n_pw_out = sum(len(v) for v in pw_out.values())
    ds_t, pw_t = ds_res.get("median_wall_s"), pw_res.get("median_wall_s")
    speedup = ds_t / pw_t if ds_t is not None and pw_t else None

    def status(ok: bool) -> str:
        return "N/A" if failed_tools else ("PASS" if ok else "FAIL")

    targets = [
        {"target": "every planted secret detect-secrets finds, pyward finds too",
         "value": f"{len(ds_not_pw)} missed", "status": status(not ds_not_pw)},
        {"target": "pyward reports fewer findings than detect-secrets on Django's own files",
         "value": f"{n_pw_out} vs {n_ds_out}", "status": status(n_pw_out < n_ds_out)},
        {"target": f"pyward at least {SPEED_TARGET:g}x faster than detect-secrets",
         "value": "n/a" if speedup is None else f"{speedup:.1f}x",
         "status": status(speedup is not None and speedup >= SPEED_TARGET)},
    ]

    # ---- report ----
    total = len(planted)
    print()
    print(f"Tree: django-{version} sdist + planted/ ({tree_stats['files']} files; {total} secrets planted in "
          f"{tree_stats['planted_files']} files)  {tree}")
    if note:
        print(f"Note: {note}")
    print(f"Machine: {platform.machine()} {os.cpu_count()} CPUs, {platform.system()} {platform.release()}, "
          f"Python {platform.python_version()}")
    print(f"Versions: pyward {versions['pyward']}; detect-secrets {versions['detect-secrets']}")
    for r in (ds_res, pw_res):
        if "error" in r:
            print(f"ERROR: {r['name']} failed: {r['error']}")
    print()
    print("Planted secrets found (a finding of any kind at the secret's file and line):")
    for name, det in (("detect-secrets", ds_det), ("pyward", pw_det)):
        print(f"  {name:<15} {len(det['found']):>3}/{total}")
        for p in det["missed"]:
            print(f"      missed  {p.file}:{p.line}  {p.kind} ({p.rule})")
        for f in det["extra_in_planted"]:
            print(f"      extra   {f.path}:{f.line}  {f.what}")
    print(f"  found by detect-secrets, missed by pyward: {len(ds_not_pw)}")
    for p in ds_not_pw:
        print(f"      {p.file}:{p.line}  {p.kind} ({p.rule})")
    print()
    print("Findings on Django's own files (outside planted/): Django holds no real secret, so these are")
    print("presumably false alarms; listed per file for inspection (line: type or rule).")
    for name, by_file in (("detect-secrets", ds_out), ("pyward", pw_out)):
        n = sum(len(v) for v in by_file.values())
        print(f"  {name}: {n} findings in {len(by_file)} files")
        for path, fs in by_file.items():
            listing = ", ".join(f"{f.line} {f.what}" for f in fs)
            print(f"    {path} ({len(fs)}): {listing}")
    print()
    print(f"Wall time (median of {runs} run{'s' if runs != 1 else ''}):")
    print(f"  detect-secrets  {fmt_s(ds_t):>10}")
    print(f"  pyward          {fmt_s(pw_t):>10}")
    print(f"  detect-secrets / pyward: {'n/a' if speedup is None else f'{speedup:.1f}x'}")
    print()
    print("Targets:")
    for t in targets:
        print(f"  [{t['status']}] {t['target']}: {t['value']}")

    result = {
        "date": _dt.datetime.now(_dt.timezone.utc).isoformat(timespec="seconds"),
        "machine": {"platform": platform.platform(), "cpus": os.cpu_count(), "python": platform.python_version()},
        "corpus": {"django_version": version, "tree": str(tree), **tree_stats},
        "note": note,
        "versions": versions,
        "runs": runs,
        "planted": [asdict(p) for p in planted],
        "tools": {
            r["name"]: {
                "command": r["command"],
                "median_wall_s": r.get("median_wall_s"),
                "samples_s": r["samples_s"],
                "error": r.get("error"),
                "findings_total": len(r.get("findings") or []),
                "planted_found": len(det["found"]),
                "planted_missed": [asdict(p) for p in det["missed"]],
                "extra_in_planted": [asdict(f) for f in det["extra_in_planted"]],
                "outside_planted": sum(len(v) for v in by_file.values()),
                "outside_planted_by_file": {k: [asdict(f) for f in v] for k, v in by_file.items()},
            }
            for r, det, by_file in ((ds_res, ds_det, ds_out), (pw_res, pw_det, pw_out))
        },
        "found_by_detect_secrets_missed_by_pyward": [asdict(p) for p in ds_not_pw],
        "speedup": speedup,
        "targets": targets,
    }
    (cache / "secrets-bench-results.json").write_text(json.dumps(result, indent=2) + "\n")
    if args.json:
        print()
        print(json.dumps(result, indent=2))
    ok = not failed_tools and all(t["status"] == "PASS" for t in targets)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
