#!/usr/bin/env python3
"""Compare pyward's DJ rules with the real `manage.py check --deploy` of Django 5.2.

Usage (CI):
    python3 scripts/django_check_diff.py --pyward target/release/pyward

Steps:
  1. make sure Django 5.2.x (the LTS that runs on Python 3.11) is importable from an
     isolated folder, <cache>/django52, installed with
         python3 -m pip install --target <cache>/django52 "django>=5.2,<5.3"
     (cache default: target/django-diff under the repository root).  That folder is put
     on PYTHONPATH of the Django subprocesses only; this script itself never imports Django.
  2. generate the cases: one folder <tmp>/case_NN/ per case, holding one settings.py and
     nothing else.  The cases cover every condition of Django's security checks as
     the spec of pyward's DJ001..DJ027 rules describes them (each check present/absent, its
     prerequisite middleware present/absent, truthy non-bool values, the W010/W011->W012
     and W013/W014->W015 collapsing, SECRET_KEY / SECRET_KEY_FALLBACKS strength, HSTS,
     referrer policy, COOP, X_FRAME_OPTIONS, DEBUG, ALLOWED_HOSTS, CSRF_USE_SESSIONS,
     settings built with +=, .append, .insert, .remove, .extend, list/tuple
     concatenation, names defined earlier, and os.environ.get / os.getenv defaults).
     Line 2 of each settings.py, "# expect: ...", records the ids the generator expects
     from the spec; it is informational (see "expectation notes" below).
  3. Django side, one fresh subprocess per case, with PYTHONPATH=<case>:<django52>,
     DJANGO_SETTINGS_MODULE=settings, and none of the environment variables the cases
     read:  django.setup(); run_checks(include_deployment_checks=True); keep the ids
     starting with "security." as a multiset (W025 repeats), dropping E101/E102 (the
     CSRF failure view, not a DJ rule) and E026/W027 (Django 6.x only).
  4. pyward side:  <pyward> scan <case> --select DJ0 --format json --exit-zero --no-progress;
     each finding's alias starting with "security." is its id.
  5. compare the multisets case by case and print a table, then the totals.

Exit status 0 iff there is no disagreement, at least 60 cases ran, and Django produced
every security id of the spec (all but E026/W027, which Django 5.2 does not have) in at
least one case; 1 otherwise, including setup errors (Django could not be installed or a
case did not run, pyward missing, failing or printing something that is not JSON).

Other modes:
  --list        generate the cases, run the Django side, print each case with the ids
                the generator expects and the ids Django gives; pyward is not run.
                Exit status as above minus the pyward comparison (so 1 if a case failed
                to run under Django, or coverage is incomplete).
  --keep DIR    write the cases into DIR (its old case_NN folders are replaced) and
                leave them there, instead of a temporary folder.
  --verbose     also print each differing case's settings.py.
  --refresh-django  reinstall Django into the cache even if it already holds a 5.2.x
                (CI starts from an empty target/, so it always gets the newest 5.2.x).
  --jobs N      subprocesses run at once (default: up to 8).

Only the standard library is used (plus the Django it installs for the subprocesses).
"""

from __future__ import annotations

import argparse
import collections
import concurrent.futures
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CACHE = REPO_ROOT / "target" / "django-diff"
DJANGO_REQUIREMENT = "django>=5.2,<5.3"
DJANGO_SERIES = "5.2."
MIN_CASES = 60

# Every security id the spec (DJ001..DJ027) names, in the spec's order.
SPEC_IDS = [
    "security.W001", "security.W002", "security.W003", "security.W004", "security.W005",
    "security.W006", "security.W008", "security.W009", "security.W010", "security.W011",
    "security.W012", "security.W013", "security.W014", "security.W015", "security.W016",
    "security.W018", "security.W019", "security.W020", "security.W021", "security.W022",
    "security.E023", "security.E024", "security.W025", "security.E026", "security.W027",
]
NOT_IN_DJANGO_52 = {"security.E026", "security.W027"}
# Security ids Django reports that are no DJ rule: the CSRF failure view checks.
NOT_IN_SPEC = {"security.E101", "security.E102"}
REQUIRED_IDS = [i for i in SPEC_IDS if i not in NOT_IN_DJANGO_52]

PYWARD_ARGS = ["--select", "DJ0", "--format", "json", "--exit-zero", "--no-progress"]

MARKER = "@@django_check_diff@@"
DJANGO_RUNNER = f"""
import json, sys
import django
django.setup()
from django.core.checks import run_checks
ids = [m.id for m in run_checks(include_deployment_checks=True)
       if isinstance(m.id, str) and m.id.startswith("security.")]
print({MARKER!r} + json.dumps({{"version": django.get_version(), "ids": ids}}))
"""


class SetupError(Exception):
    """Something outside the comparison itself went wrong (exit status 1)."""


def log(msg: str) -> None:
    print(f"[django-diff] {msg}", file=sys.stderr, flush=True)


# --------------------------------------------------------------------------- the cases

SEC = "django.middleware.security.SecurityMiddleware"
SESS_MW = "django.contrib.sessions.middleware.SessionMiddleware"
COMMON = "django.middleware.common.CommonMiddleware"
CSRF = "django.middleware.csrf.CsrfViewMiddleware"
AUTH_MW = "django.contrib.auth.middleware.AuthenticationMiddleware"
MSG_MW = "django.contrib.messages.middleware.MessageMiddleware"
XFO = "django.middleware.clickjacking.XFrameOptionsMiddleware"
CT = "django.contrib.contenttypes"
AUTH = "django.contrib.auth"
SESS = "django.contrib.sessions"

APPS = [CT, AUTH, SESS]
APPS_NO_SESS = [CT, AUTH]
MW = [SEC, SESS_MW, COMMON, CSRF, XFO]

# 56 characters, 50 distinct: passes _check_secret_key.
GOOD_KEY = "q7Rz!e2Wk#9Lp$Xv4Tm%Bn8Yc^Hd3Uf&Gs6Ja*Ko1Ei(Pw5Rt)Zx0M-"
# Another good one (for SECRET_KEY_FALLBACKS).
GOOD_KEY2 = "Vb3!Nm7@Qw2#Er6$Ty9%Ui4^Op8&As1*Df5(Gh0)Jk=Lz+Xc-Vb_Nm"
INSECURE_KEY = "django-insecure-" + "m3x!k9q@v2p#r8z$w4t%y7u^c1n&b6d*f0g(h5j)l-s=a+e_o"
KEY_49 = GOOD_KEY[:49]
KEY_50 = GOOD_KEY[:50]
KEY_4_UNIQUE = "abcd" * 20          # 80 characters, 4 distinct
KEY_5_UNIQUE_50 = "abcde" * 10      # exactly 50 characters, exactly 5 distinct

assert len(GOOD_KEY) >= 50 and len(set(GOOD_KEY)) >= 5
assert len(GOOD_KEY2) >= 50 and len(set(GOOD_KEY2)) >= 5
assert len(KEY_49) == 49 and len(KEY_50) == 50 and len(set(KEY_50)) >= 5


@dataclass
class Case:
    title: str
    source: str                      # settings.py body, without the two header lines
    expect: list[str]                # short ids ("W004"), from the spec
    name: str = ""                   # case_NN, filled in by cases()

    def text(self) -> str:
        exp = " ".join(self.expect) if self.expect else "(none)"
        return f"# django_check_diff {self.name}: {self.title}\n# expect: {exp}\n{self.source}"

    def expected_ids(self) -> collections.Counter:
        return collections.Counter("security." + e for e in self.expect)


DROP = object()

# The hardened base: Django 5.2 reports no security id for it.
BASE_ORDER = [
    "SECRET_KEY", "DEBUG", "ALLOWED_HOSTS", "SECURE_HSTS_SECONDS", "SECURE_HSTS_INCLUDE_SUBDOMAINS",
    "SECURE_HSTS_PRELOAD", "SECURE_SSL_REDIRECT", "SESSION_COOKIE_SECURE", "CSRF_COOKIE_SECURE",
]
BASE_VALUES = {
    "SECRET_KEY": repr(GOOD_KEY),
    "DEBUG": "False",
    "ALLOWED_HOSTS": "['example.com']",
    "SECURE_HSTS_SECONDS": "31536000",
    "SECURE_HSTS_INCLUDE_SUBDOMAINS": "True",
    "SECURE_HSTS_PRELOAD": "True",
    "SECURE_SSL_REDIRECT": "True",
    "SESSION_COOKIE_SECURE": "True",
    "CSRF_COOKIE_SECURE": "True",
}


def _list(items) -> str:
    if not items:
        return "[]"
    return "[\n" + "".join(f"    {item!r},\n" for item in items) + "]"


def hardened(title: str, expect: str, *, apps=APPS, mw=MW, pre: str = "", post: str = "", **values) -> Case:
    """The hardened base with settings replaced (a source expression), added, or DROPped.

    `apps`/`mw` of None leave INSTALLED_APPS/MIDDLEWARE out; `pre` goes before the
    settings (helper names), `post` after them (.append and friends).
    """
    lines = ["import os", ""]
    if pre:
        lines.append(pre.rstrip("\n"))
    if apps is not None:
        lines.append(f"INSTALLED_APPS = {_list(apps)}")
    if mw is not None:
        lines.append(f"MIDDLEWARE = {_list(mw)}")
    for key in BASE_ORDER:
        value = values.pop(key, BASE_VALUES[key])
        if value is not DROP:
            lines.append(f"{key} = {value}")
    for key, value in values.items():
        if value is not DROP:
            lines.append(f"{key} = {value}")
    if post:
        lines.append(post.rstrip("\n"))
    return Case(title, "\n".join(lines) + "\n", expect.split())


def raw(title: str, expect: str, source: str) -> Case:
    return Case(title, source.strip("\n") + "\n", expect.split())


def without(items, *drop):
    return [i for i in items if i not in drop]


STARTPROJECT_52 = f"""
# Django 5.2's startproject template (ROOT_URLCONF left out: there is no urls module here).
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent

SECRET_KEY = {INSECURE_KEY!r}

DEBUG = True

ALLOWED_HOSTS = []

INSTALLED_APPS = [
    'django.contrib.admin',
    'django.contrib.auth',
    'django.contrib.contenttypes',
    'django.contrib.sessions',
    'django.contrib.messages',
    'django.contrib.staticfiles',
]

MIDDLEWARE = [
    'django.middleware.security.SecurityMiddleware',
    'django.contrib.sessions.middleware.SessionMiddleware',
    'django.middleware.common.CommonMiddleware',
    'django.middleware.csrf.CsrfViewMiddleware',
    'django.contrib.auth.middleware.AuthenticationMiddleware',
    'django.contrib.messages.middleware.MessageMiddleware',
    'django.middleware.clickjacking.XFrameOptionsMiddleware',
]

TEMPLATES = [
    {{
        'BACKEND': 'django.template.backends.django.DjangoTemplates',
        'DIRS': [],
        'APP_DIRS': True,
        'OPTIONS': {{
            'context_processors': [
                'django.template.context_processors.request',
                'django.contrib.auth.context_processors.auth',
                'django.contrib.messages.context_processors.messages',
            ],
        }},
    }},
]

WSGI_APPLICATION = 'mysite.wsgi.application'

DATABASES = {{
    'default': {{
        'ENGINE': 'django.db.backends.sqlite3',
        'NAME': BASE_DIR / 'db.sqlite3',
    }}
}}

LANGUAGE_CODE = 'en-us'
TIME_ZONE = 'UTC'
USE_I18N = True
USE_TZ = True
STATIC_URL = 'static/'
DEFAULT_AUTO_FIELD = 'django.db.models.BigAutoField'
"""


def cases() -> list[Case]:
    r = repr
    out: list[Case] = [
        # ---- whole-file shapes
        hardened("hardened baseline: nothing to report", ""),
        raw("Django 5.2 startproject template", "W004 W008 W009 W012 W016 W018 W020", STARTPROJECT_52),
        raw("only INSTALLED_APPS = []: every other setting from Django's defaults",
            "W001 W002 W003 W009 W020", "INSTALLED_APPS = []\n"),
        hardened("MIDDLEWARE = []", "W001 W002 W003", mw=[]),
        hardened("no SecurityMiddleware, every setting it governs bad", "W001",
                 mw=without(MW, SEC), SECURE_HSTS_SECONDS="0", SECURE_HSTS_INCLUDE_SUBDOMAINS="False",
                 SECURE_HSTS_PRELOAD="False", SECURE_SSL_REDIRECT="False", SECURE_CONTENT_TYPE_NOSNIFF="False",
                 SECURE_REFERRER_POLICY="None", SECURE_CROSS_ORIGIN_OPENER_POLICY=r("bogus")),
        hardened("SecurityMiddleware, every setting it governs bad, HSTS 0", "W004 W006 W008 W022 E024",
                 SECURE_HSTS_SECONDS="0", SECURE_HSTS_INCLUDE_SUBDOMAINS="False", SECURE_HSTS_PRELOAD="False",
                 SECURE_SSL_REDIRECT="False", SECURE_CONTENT_TYPE_NOSNIFF="False",
                 SECURE_REFERRER_POLICY="None", SECURE_CROSS_ORIGIN_OPENER_POLICY=r("bogus")),
        hardened("SecurityMiddleware, HSTS on, truthy strings and invalid policies", "W005 W006 W008 W021 E023 E024",
                 SECURE_HSTS_INCLUDE_SUBDOMAINS="False", SECURE_HSTS_PRELOAD="False", SECURE_SSL_REDIRECT=r("1"),
                 SECURE_CONTENT_TYPE_NOSNIFF=r("1"), SECURE_REFERRER_POLICY=r("invalid-value"),
                 SECURE_CROSS_ORIGIN_OPENER_POLICY=r("Same-Origin")),
        # ---- X-Frame-Options
        hardened("no XFrameOptionsMiddleware, X_FRAME_OPTIONS SAMEORIGIN", "W002",
                 mw=without(MW, XFO), X_FRAME_OPTIONS=r("SAMEORIGIN")),
        hardened("X_FRAME_OPTIONS = 'SAMEORIGIN'", "W019", X_FRAME_OPTIONS=r("SAMEORIGIN")),
        hardened("X_FRAME_OPTIONS = 'deny' (lower case)", "W019", X_FRAME_OPTIONS=r("deny")),
        hardened("X_FRAME_OPTIONS = 'DENY'", "", X_FRAME_OPTIONS=r("DENY")),
        hardened("X_FRAME_OPTIONS = None", "W019", X_FRAME_OPTIONS="None"),
        # ---- CSRF
        hardened("no CsrfViewMiddleware, CSRF_COOKIE_SECURE False", "W003",
                 mw=without(MW, CSRF), CSRF_COOKIE_SECURE="False"),
        hardened("CSRF_COOKIE_SECURE = False", "W016", CSRF_COOKIE_SECURE="False"),
        hardened("CSRF_COOKIE_SECURE = '1' (truthy str)", "W016", CSRF_COOKIE_SECURE=r("1")),
        hardened("CSRF_COOKIE_SECURE unset", "W016", CSRF_COOKIE_SECURE=DROP),
        hardened("CSRF_COOKIE_SECURE False, CSRF_USE_SESSIONS True", "",
                 CSRF_COOKIE_SECURE="False", CSRF_USE_SESSIONS="True"),
        hardened("CSRF_COOKIE_SECURE unset, CSRF_USE_SESSIONS = 1 (truthy)", "",
                 CSRF_COOKIE_SECURE=DROP, CSRF_USE_SESSIONS="1"),
        hardened("CSRF_COOKIE_SECURE False, CSRF_USE_SESSIONS False", "W016",
                 CSRF_COOKIE_SECURE="False", CSRF_USE_SESSIONS="False"),
        # ---- HSTS
        hardened("SECURE_HSTS_SECONDS = 0", "W004", SECURE_HSTS_SECONDS="0"),
        hardened("SECURE_HSTS_SECONDS = None", "W004", SECURE_HSTS_SECONDS="None"),
        hardened("SECURE_HSTS_* unset", "W004", SECURE_HSTS_SECONDS=DROP,
                 SECURE_HSTS_INCLUDE_SUBDOMAINS=DROP, SECURE_HSTS_PRELOAD=DROP),
        hardened("HSTS 31536000, include-subdomains False", "W005", SECURE_HSTS_INCLUDE_SUBDOMAINS="False"),
        hardened("HSTS 31536000, preload False", "W021", SECURE_HSTS_PRELOAD="False"),
        hardened("HSTS 31536000, include-subdomains and preload unset", "W005 W021",
                 SECURE_HSTS_INCLUDE_SUBDOMAINS=DROP, SECURE_HSTS_PRELOAD=DROP),
        hardened("HSTS 3600, include-subdomains 'True' (str), preload 1", "W005 W021",
                 SECURE_HSTS_SECONDS="3600", SECURE_HSTS_INCLUDE_SUBDOMAINS=r("True"), SECURE_HSTS_PRELOAD="1"),
        hardened("SECURE_HSTS_SECONDS = '0' (a truthy str)", "", SECURE_HSTS_SECONDS=r("0")),
        hardened("no SecurityMiddleware, HSTS 3600 without include-subdomains/preload", "W001",
                 mw=without(MW, SEC), SECURE_HSTS_SECONDS="3600",
                 SECURE_HSTS_INCLUDE_SUBDOMAINS="False", SECURE_HSTS_PRELOAD="False"),
        hardened("HSTS None, include-subdomains/preload False: only W004", "W004", SECURE_HSTS_SECONDS="None",
                 SECURE_HSTS_INCLUDE_SUBDOMAINS="False", SECURE_HSTS_PRELOAD="False"),
        # ---- nosniff, SSL redirect
        hardened("SECURE_CONTENT_TYPE_NOSNIFF = False", "W006", SECURE_CONTENT_TYPE_NOSNIFF="False"),
        hardened("SECURE_CONTENT_TYPE_NOSNIFF = '1' (truthy str)", "W006", SECURE_CONTENT_TYPE_NOSNIFF=r("1")),
        hardened("SECURE_CONTENT_TYPE_NOSNIFF = True", "", SECURE_CONTENT_TYPE_NOSNIFF="True"),
        hardened("SECURE_SSL_REDIRECT = '1' (truthy str)", "W008", SECURE_SSL_REDIRECT=r("1")),
        hardened("SECURE_SSL_REDIRECT unset", "W008", SECURE_SSL_REDIRECT=DROP),
        hardened("no SecurityMiddleware, SECURE_SSL_REDIRECT False", "W001",
                 mw=without(MW, SEC), SECURE_SSL_REDIRECT="False"),
        # ---- SECRET_KEY
        hardened("SECRET_KEY = ''", "W009", SECRET_KEY=r("")),
        hardened("SECRET_KEY unset", "W009", SECRET_KEY=DROP),
        hardened("SECRET_KEY = None", "W009", SECRET_KEY="None"),
        hardened("SECRET_KEY of 49 characters", "W009", SECRET_KEY=r(KEY_49)),
        hardened("SECRET_KEY of exactly 50 characters", "", SECRET_KEY=r(KEY_50)),
        hardened("SECRET_KEY of 80 characters, 4 distinct", "W009", SECRET_KEY=r(KEY_4_UNIQUE)),
        hardened("SECRET_KEY of 50 characters, exactly 5 distinct", "", SECRET_KEY=r(KEY_5_UNIQUE_50)),
        hardened("SECRET_KEY prefixed django-insecure-", "W009", SECRET_KEY=r(INSECURE_KEY)),
        # ---- SECRET_KEY_FALLBACKS
        hardened("SECRET_KEY_FALLBACKS = []", "", SECRET_KEY_FALLBACKS="[]"),
        hardened("SECRET_KEY_FALLBACKS, one good entry", "", SECRET_KEY_FALLBACKS=f"[{GOOD_KEY2!r}]"),
        hardened("SECRET_KEY_FALLBACKS, one short entry", "W025", SECRET_KEY_FALLBACKS="['short']"),
        hardened("SECRET_KEY_FALLBACKS, good + django-insecure- entry", "W025",
                 SECRET_KEY_FALLBACKS=f"[{GOOD_KEY2!r}, {INSECURE_KEY!r}]"),
        hardened("SECRET_KEY_FALLBACKS, two bad entries", "W025 W025",
                 SECRET_KEY_FALLBACKS=f"[{KEY_49!r}, {KEY_4_UNIQUE!r}]"),
        hardened("SECRET_KEY_FALLBACKS tuple: '', good, 60 x 'a'", "W025 W025",
                 SECRET_KEY_FALLBACKS=f"('', {GOOD_KEY2!r}, {'a' * 60!r})"),
        # ---- SESSION_COOKIE_SECURE: W010 / W011 / W012
        hardened("sessions app only, SESSION_COOKIE_SECURE False", "W010",
                 mw=without(MW, SESS_MW), SESSION_COOKIE_SECURE="False"),
        hardened("SessionMiddleware only, SESSION_COOKIE_SECURE False", "W011",
                 apps=APPS_NO_SESS, SESSION_COOKIE_SECURE="False"),
        hardened("sessions app and middleware, SESSION_COOKIE_SECURE False", "W012", SESSION_COOKIE_SECURE="False"),
        hardened("sessions app and middleware, SESSION_COOKIE_SECURE unset", "W012", SESSION_COOKIE_SECURE=DROP),
        hardened("sessions app only, SESSION_COOKIE_SECURE '1' (truthy str)", "W010",
                 mw=without(MW, SESS_MW), SESSION_COOKIE_SECURE=r("1")),
        hardened("SessionMiddleware only, SESSION_COOKIE_SECURE 1", "W011",
                 apps=APPS_NO_SESS, SESSION_COOKIE_SECURE="1"),
        hardened("neither sessions app nor middleware, SESSION_COOKIE_SECURE False", "",
                 apps=APPS_NO_SESS, mw=without(MW, SESS_MW), SESSION_COOKIE_SECURE="False"),
        hardened("INSTALLED_APPS unset (Django's []), SessionMiddleware, SESSION_COOKIE_SECURE False", "W011",
                 apps=None, SESSION_COOKIE_SECURE="False"),
        hardened("INSTALLED_APPS as a tuple with sessions, SessionMiddleware, SESSION_COOKIE_SECURE False", "W012",
                 apps=None, pre=f"INSTALLED_APPS = ({CT!r}, {AUTH!r}, {SESS!r})", SESSION_COOKIE_SECURE="False"),
        hardened("sessions app as its AppConfig path + middleware: only W011", "W011",
                 apps=APPS_NO_SESS + ["django.contrib.sessions.apps.SessionsConfig"],
                 SESSION_COOKIE_SECURE="False"),
        # ---- SESSION_COOKIE_HTTPONLY: W013 / W014 / W015
        hardened("sessions app only, SESSION_COOKIE_HTTPONLY False", "W013",
                 mw=without(MW, SESS_MW), SESSION_COOKIE_HTTPONLY="False"),
        hardened("SessionMiddleware only, SESSION_COOKIE_HTTPONLY False", "W014",
                 apps=APPS_NO_SESS, SESSION_COOKIE_HTTPONLY="False"),
        hardened("sessions app and middleware, SESSION_COOKIE_HTTPONLY False", "W015",
                 SESSION_COOKIE_HTTPONLY="False"),
        hardened("sessions app and middleware, SESSION_COOKIE_HTTPONLY '1'", "W015",
                 SESSION_COOKIE_HTTPONLY=r("1")),
        hardened("sessions app only, SESSION_COOKIE_HTTPONLY 1", "W013",
                 mw=without(MW, SESS_MW), SESSION_COOKIE_HTTPONLY="1"),
        hardened("neither sessions app nor middleware, SESSION_COOKIE_HTTPONLY False", "",
                 apps=APPS_NO_SESS, mw=without(MW, SESS_MW), SESSION_COOKIE_HTTPONLY="False"),
        hardened("both, SESSION_COOKIE_SECURE and _HTTPONLY False", "W012 W015",
                 SESSION_COOKIE_SECURE="False", SESSION_COOKIE_HTTPONLY="False"),
        hardened("sessions app only, SESSION_COOKIE_SECURE False, _HTTPONLY None", "W010 W013",
                 mw=without(MW, SESS_MW), SESSION_COOKIE_SECURE="False", SESSION_COOKIE_HTTPONLY="None"),
        # ---- DEBUG
        hardened("DEBUG = True", "W018", DEBUG="True"),
        hardened("DEBUG = 'False' (a truthy str)", "W018", DEBUG=r("False")),
        hardened("DEBUG = 0", "", DEBUG="0"),
        hardened("DEBUG unset", "", DEBUG=DROP),
        # ---- ALLOWED_HOSTS
        hardened("ALLOWED_HOSTS = []", "W020", ALLOWED_HOSTS="[]"),
        hardened("ALLOWED_HOSTS = ['*']", "", ALLOWED_HOSTS="['*']"),
        hardened("ALLOWED_HOSTS unset", "W020", ALLOWED_HOSTS=DROP),
        hardened("ALLOWED_HOSTS = ()", "W020", ALLOWED_HOSTS="()"),
        # ---- SECURE_REFERRER_POLICY
        hardened("SECURE_REFERRER_POLICY = None", "W022", SECURE_REFERRER_POLICY="None"),
        hardened("SECURE_REFERRER_POLICY = 'strict-origin'", "", SECURE_REFERRER_POLICY=r("strict-origin")),
        hardened("SECURE_REFERRER_POLICY = 'same-origin, bogus'", "E023",
                 SECURE_REFERRER_POLICY=r("same-origin, bogus")),
        hardened("SECURE_REFERRER_POLICY = 'strict-origin,origin'", "",
                 SECURE_REFERRER_POLICY=r("strict-origin,origin")),
        hardened("SECURE_REFERRER_POLICY = 'strict-origin, origin'", "",
                 SECURE_REFERRER_POLICY=r("strict-origin, origin")),
        hardened("SECURE_REFERRER_POLICY list of valid values", "",
                 SECURE_REFERRER_POLICY="['no-referrer', 'strict-origin-when-cross-origin']"),
        hardened("SECURE_REFERRER_POLICY tuple of valid values", "",
                 SECURE_REFERRER_POLICY="('origin', 'unsafe-url')"),
        hardened("SECURE_REFERRER_POLICY list with an invalid value", "E023",
                 SECURE_REFERRER_POLICY="['same-origin', 'bogus']"),
        hardened("SECURE_REFERRER_POLICY = 'invalid-value'", "E023", SECURE_REFERRER_POLICY=r("invalid-value")),
        hardened("SECURE_REFERRER_POLICY = ''", "E023", SECURE_REFERRER_POLICY=r("")),
        hardened("SECURE_REFERRER_POLICY = 'Same-Origin' (case)", "E023", SECURE_REFERRER_POLICY=r("Same-Origin")),
        hardened("SECURE_REFERRER_POLICY = 'origin,' (trailing comma: an empty value)", "E023",
                 SECURE_REFERRER_POLICY=r("origin,")),
        hardened("SECURE_REFERRER_POLICY set of valid values", "",
                 SECURE_REFERRER_POLICY="{'same-origin', 'no-referrer'}"),
        hardened("SECURE_REFERRER_POLICY list, no duplicates check: ['origin', 'origin']", "",
                 SECURE_REFERRER_POLICY="['origin', 'origin']"),
        hardened("no SecurityMiddleware, SECURE_REFERRER_POLICY None", "W001",
                 mw=without(MW, SEC), SECURE_REFERRER_POLICY="None"),
        # ---- SECURE_CROSS_ORIGIN_OPENER_POLICY
        hardened("SECURE_CROSS_ORIGIN_OPENER_POLICY = None", "", SECURE_CROSS_ORIGIN_OPENER_POLICY="None"),
        hardened("SECURE_CROSS_ORIGIN_OPENER_POLICY = 'same-origin-allow-popups'", "",
                 SECURE_CROSS_ORIGIN_OPENER_POLICY=r("same-origin-allow-popups")),
        hardened("SECURE_CROSS_ORIGIN_OPENER_POLICY = 'unsafe-none'", "",
                 SECURE_CROSS_ORIGIN_OPENER_POLICY=r("unsafe-none")),
        hardened("SECURE_CROSS_ORIGIN_OPENER_POLICY = 'bogus'", "E024",
                 SECURE_CROSS_ORIGIN_OPENER_POLICY=r("bogus")),
        hardened("SECURE_CROSS_ORIGIN_OPENER_POLICY = ''", "E024",
                 SECURE_CROSS_ORIGIN_OPENER_POLICY=r("")),
        hardened("no SecurityMiddleware, SECURE_CROSS_ORIGIN_OPENER_POLICY 'bogus'", "W001",
                 mw=without(MW, SEC), SECURE_CROSS_ORIGIN_OPENER_POLICY=r("bogus")),
        # ---- settings built step by step
        hardened("MIDDLEWARE built with +=, no XFrameOptionsMiddleware", "W002", mw=[SEC],
                 post=f"MIDDLEWARE += [{SESS_MW!r}, {CSRF!r}]"),
        hardened("MIDDLEWARE.append(XFrameOptionsMiddleware), X_FRAME_OPTIONS SAMEORIGIN", "W019",
                 mw=without(MW, XFO), X_FRAME_OPTIONS=r("SAMEORIGIN"), post=f"MIDDLEWARE.append({XFO!r})"),
        hardened("MIDDLEWARE.insert(0, SecurityMiddleware), HSTS 0", "W004",
                 mw=without(MW, SEC), SECURE_HSTS_SECONDS="0", post=f"MIDDLEWARE.insert(0, {SEC!r})"),
        hardened("MIDDLEWARE.remove(CsrfViewMiddleware)", "W003", CSRF_COOKIE_SECURE="False",
                 post=f"MIDDLEWARE.remove({CSRF!r})"),
        hardened("MIDDLEWARE = _BASE + [...] (a name defined earlier), SSL redirect False", "W008",
                 mw=None, pre=f"_BASE_MIDDLEWARE = [{SEC!r}, {SESS_MW!r}]",
                 SECURE_SSL_REDIRECT="False",
                 post=f"MIDDLEWARE = _BASE_MIDDLEWARE + [{CSRF!r}, {XFO!r}]"),
        hardened("settings from names defined earlier, include-subdomains off", "W005",
                 pre=f"_ONE_YEAR = 31536000\n_KEY = {GOOD_KEY!r}\n_SUBDOMAINS = False",
                 SECRET_KEY="_KEY", SECURE_HSTS_SECONDS="_ONE_YEAR", SECURE_HSTS_INCLUDE_SUBDOMAINS="_SUBDOMAINS"),
        hardened("MIDDLEWARE as tuples joined with + and +=, no CsrfViewMiddleware", "W003", mw=None,
                 CSRF_COOKIE_SECURE="False",
                 post=f"MIDDLEWARE = ({SEC!r},) + ({SESS_MW!r}, {COMMON!r})\nMIDDLEWARE += ({XFO!r},)"),
        hardened("MIDDLEWARE.extend([...]) completes the list", "", mw=[SEC, SESS_MW],
                 post=f"MIDDLEWARE.extend([{CSRF!r}, {XFO!r}])"),
        hardened("INSTALLED_APPS += sessions, SessionMiddleware, SESSION_COOKIE_SECURE False", "W012",
                 apps=APPS_NO_SESS, SESSION_COOKIE_SECURE="False", post=f"INSTALLED_APPS += [{SESS!r}]"),
        hardened("INSTALLED_APPS.remove(sessions), SessionMiddleware, SESSION_COOKIE_SECURE False", "W011",
                 SESSION_COOKIE_SECURE="False", post=f"INSTALLED_APPS.remove({SESS!r})"),
        hardened("MIDDLEWARE.remove(SessionMiddleware), sessions app, HTTPONLY False", "W013",
                 SESSION_COOKIE_HTTPONLY="False", post=f"MIDDLEWARE.remove({SESS_MW!r})"),
        hardened("INSTALLED_APPS = _APPS + [sessions], MIDDLEWARE.insert(1, SessionMiddleware)", "W015",
                 apps=None, mw=without(MW, SESS_MW), SESSION_COOKIE_HTTPONLY="False",
                 pre=f"_APPS = [{CT!r}, {AUTH!r}]",
                 post=f"INSTALLED_APPS = _APPS + [{SESS!r}]\nMIDDLEWARE.insert(1, {SESS_MW!r})"),
        hardened("DEBUG and SECRET_KEY reassigned: the last value counts", "",
                 pre=f"DEBUG = True\nSECRET_KEY = {INSECURE_KEY!r}"),
        hardened("SECRET_KEY_FALLBACKS.append(a bad key)", "W025",
                 SECRET_KEY_FALLBACKS=f"[{GOOD_KEY2!r}]", post="SECRET_KEY_FALLBACKS.append('old-and-short')"),
        hardened("SECRET_KEY_FALLBACKS = [_OLD_KEY] (a name defined earlier)", "W025",
                 pre=f"_OLD_KEY = {INSECURE_KEY!r}", SECRET_KEY_FALLBACKS="[_OLD_KEY]"),
        hardened("SECRET_KEY_FALLBACKS += [bad], two good before", "W025",
                 SECRET_KEY_FALLBACKS=f"[{GOOD_KEY!r}, {GOOD_KEY2!r}]",
                 post=f"SECRET_KEY_FALLBACKS += [{KEY_4_UNIQUE!r}]"),
        # ---- environment reads with defaults (the variables are unset when Django runs)
        hardened("DEBUG = os.environ.get('DJANGO_DEBUG', True)", "W018",
                 DEBUG="os.environ.get('DJANGO_DEBUG', True)"),
        hardened("DEBUG = os.getenv('DJANGO_DEBUG', False)", "", DEBUG="os.getenv('DJANGO_DEBUG', False)"),
        hardened("SECRET_KEY = os.environ.get(..., 'django-insecure-...')", "W009",
                 SECRET_KEY=f"os.environ.get('DJANGO_SECRET_KEY', {INSECURE_KEY!r})"),
        hardened("SECRET_KEY = os.getenv(..., a good key)", "",
                 SECRET_KEY=f"os.getenv('DJANGO_SECRET_KEY', {GOOD_KEY!r})"),
        hardened("SECRET_KEY = os.environ.get(..., '')", "W009",
                 SECRET_KEY="os.environ.get('DJANGO_SECRET_KEY', '')"),
        hardened("SESSION_COOKIE_SECURE = os.environ.get(..., False)", "W012",
                 SESSION_COOKIE_SECURE="os.environ.get('DJANGO_SESSION_COOKIE_SECURE', False)"),
        hardened("CSRF_COOKIE_SECURE = os.getenv(..., True)", "",
                 CSRF_COOKIE_SECURE="os.getenv('DJANGO_CSRF_COOKIE_SECURE', True)"),
        hardened("SECURE_SSL_REDIRECT = os.getenv(..., 'True') (a str)", "W008",
                 SECURE_SSL_REDIRECT="os.getenv('DJANGO_SECURE_SSL_REDIRECT', 'True')"),
        hardened("SECURE_HSTS_SECONDS = os.environ.get(..., 0)", "W004",
                 SECURE_HSTS_SECONDS="os.environ.get('DJANGO_SECURE_HSTS_SECONDS', 0)"),
        hardened("SECURE_HSTS_SECONDS = os.getenv(..., '31536000') (a truthy str)", "",
                 SECURE_HSTS_SECONDS="os.getenv('DJANGO_SECURE_HSTS_SECONDS', '31536000')"),
        hardened("X_FRAME_OPTIONS = os.environ.get(..., 'SAMEORIGIN')", "W019",
                 X_FRAME_OPTIONS="os.environ.get('DJANGO_X_FRAME_OPTIONS', 'SAMEORIGIN')"),
        hardened("SECURE_REFERRER_POLICY = os.environ.get(..., 'same-origin, bogus')", "E023",
                 SECURE_REFERRER_POLICY="os.environ.get('DJANGO_REFERRER_POLICY', 'same-origin, bogus')"),
        hardened("SECURE_CROSS_ORIGIN_OPENER_POLICY = os.getenv(..., 'bogus')", "E024",
                 SECURE_CROSS_ORIGIN_OPENER_POLICY="os.getenv('DJANGO_COOP', 'bogus')"),
        hardened("CSRF_USE_SESSIONS = os.environ.get(..., True), CSRF cookie not secure", "",
                 CSRF_COOKIE_SECURE="False", CSRF_USE_SESSIONS="os.environ.get('DJANGO_CSRF_USE_SESSIONS', True)"),
        # ---- everything at once
        hardened("everything wrong at once", "W005 W006 W008 W009 W012 W015 W016 W018 W019 W020 W021 E023 E024 W025 W025",
                 SECRET_KEY=r("too-short"), DEBUG="True", ALLOWED_HOSTS="[]", SECURE_HSTS_SECONDS="300",
                 SECURE_HSTS_INCLUDE_SUBDOMAINS="False", SECURE_HSTS_PRELOAD="False", SECURE_SSL_REDIRECT="False",
                 SESSION_COOKIE_SECURE=r("1"), CSRF_COOKIE_SECURE="False", SECURE_CONTENT_TYPE_NOSNIFF="False",
                 SECURE_REFERRER_POLICY=r("bogus"), SECURE_CROSS_ORIGIN_OPENER_POLICY=r("bogus"),
                 SESSION_COOKIE_HTTPONLY="False", X_FRAME_OPTIONS=r("SAMEORIGIN"),
                 SECRET_KEY_FALLBACKS=f"[{INSECURE_KEY!r}, 'x']"),
    ]
    for i, case in enumerate(out, 1):
        case.name = f"case_{i:02d}" if len(out) < 100 else f"case_{i:03d}"
    return out


ENV_READ = re.compile(r"""os\.(?:environ\.get|getenv)\(\s*['"]([^'"]+)['"]""")


def env_vars_read(all_cases: list[Case]) -> set[str]:
    names: set[str] = set()
    for case in all_cases:
        names.update(ENV_READ.findall(case.source))
    return names


def write_cases(all_cases: list[Case], root: Path) -> dict[str, Path]:
    root.mkdir(parents=True, exist_ok=True)
    for old in root.iterdir():
        if old.is_dir() and re.fullmatch(r"case_\d+", old.name):
            shutil.rmtree(old)
    dirs = {}
    for case in all_cases:
        d = root / case.name
        d.mkdir()
        (d / "settings.py").write_text(case.text(), encoding="utf-8")
        compile(case.text(), str(d / "settings.py"), "exec")  # a syntax slip is the generator's bug
        dirs[case.name] = d
    return dirs


# --------------------------------------------------------------------------- Django side


def django_version_in(target: Path, env: dict) -> str | None:
    if not (target / "django" / "__init__.py").is_file():
        return None
    proc = subprocess.run(
        [sys.executable, "-c", "import django; print(django.get_version()); print(django.__file__)"],
        check=False, capture_output=True, text=True, env={**env, "PYTHONPATH": str(target)}, cwd=str(target),
    )
    if proc.returncode != 0:
        return None
    version, _, where = proc.stdout.strip().partition("\n")
    if not Path(where).resolve().is_relative_to(target.resolve()):
        return None
    return version


def ensure_django(cache: Path, env: dict, refresh: bool) -> tuple[Path, str]:
    target = cache / "django52"
    version = None if refresh else django_version_in(target, env)
    if version and version.startswith(DJANGO_SERIES):
        return target, version
    cache.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix="django52-", dir=cache))
    log(f"installing {DJANGO_REQUIREMENT} into {target}")
    try:
        proc = subprocess.run(
            [sys.executable, "-m", "pip", "install", "-q", "--disable-pip-version-check", "--no-input",
             "--target", str(staging), DJANGO_REQUIREMENT],
            check=False, capture_output=True, text=True, env=env,
        )
        if proc.returncode != 0:
            raise SetupError(f"pip install --target {staging} {DJANGO_REQUIREMENT!r} failed:\n{proc.stdout}{proc.stderr}")
        if target.exists():
            shutil.rmtree(target)
        staging.rename(target)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    version = django_version_in(target, env)
    if not version or not version.startswith(DJANGO_SERIES):
        raise SetupError(f"after installing, {target} holds Django {version!r}, not {DJANGO_SERIES}x")
    return target, version


@dataclass
class DjangoResult:
    ids: collections.Counter = field(default_factory=collections.Counter)
    dropped: list[str] = field(default_factory=list)
    error: str | None = None
    version: str = ""


def run_django(case_dir: Path, django_dir: Path, env: dict) -> DjangoResult:
    proc = subprocess.run(
        [sys.executable, "-c", DJANGO_RUNNER],
        check=False, capture_output=True, text=True, cwd=str(case_dir), timeout=300,
        env={**env, "PYTHONPATH": f"{case_dir}{os.pathsep}{django_dir}", "DJANGO_SETTINGS_MODULE": "settings"},
    )
    payload = None
    for line in proc.stdout.splitlines():
        if line.startswith(MARKER):
            payload = json.loads(line[len(MARKER):])
    if proc.returncode != 0 or payload is None:
        tail = (proc.stderr or proc.stdout).strip().splitlines()[-6:]
        return DjangoResult(error=f"exit {proc.returncode}: " + " | ".join(tail))
    result = DjangoResult(version=payload["version"])
    if not result.version.startswith(DJANGO_SERIES):
        result.error = f"ran Django {result.version}, not {DJANGO_SERIES}x"
    for i in payload["ids"]:
        if i in NOT_IN_SPEC or i in NOT_IN_DJANGO_52:
            result.dropped.append(i)
        else:
            result.ids[i] += 1
    return result


# --------------------------------------------------------------------------- pyward side


@dataclass
class PywardResult:
    ids: collections.Counter = field(default_factory=collections.Counter)
    findings: list[dict] = field(default_factory=list)
    errors: list = field(default_factory=list)


def finding_id(f: dict) -> str:
    for alias in f.get("aliases") or []:
        if isinstance(alias, str) and alias.startswith("security."):
            return alias
    return f"{f.get('rule')}(no security. alias)"


def run_pyward(pyward: str, case_dir: Path, env: dict) -> PywardResult:
    cmd = [pyward, "scan", str(case_dir), *PYWARD_ARGS]
    try:
        proc = subprocess.run(
            cmd, check=False, capture_output=True, text=True, env=env, timeout=300, stdin=subprocess.DEVNULL
        )
    except OSError as exc:
        raise SetupError(f"cannot run {pyward}: {exc}") from exc
    if proc.returncode != 0:
        raise SetupError(f"`{' '.join(cmd)}` exited with {proc.returncode}:\n{proc.stderr.strip()[-3000:]}")
    try:
        doc = json.loads(proc.stdout)
        findings = doc["findings"]
    except (json.JSONDecodeError, KeyError, TypeError) as exc:
        raise SetupError(f"`{' '.join(cmd)}` did not print pyward JSON ({exc}):\n{proc.stdout[:2000]}") from exc
    result = PywardResult(errors=list(doc.get("errors") or []))
    for f in findings:
        rule = str(f.get("rule", ""))
        if not rule.startswith("DJ"):
            continue  # E-rules (unreadable file ...) are reported through "errors"
        result.ids[finding_id(f)] += 1
        result.findings.append(f)
    return result


# --------------------------------------------------------------------------- reporting


def id_key(i: str):
    m = re.search(r"([A-Z])(\d+)$", i)
    return (int(m.group(2)), i) if m else (10_000, i)


def short(i: str) -> str:
    return i.removeprefix("security.")


def fmt(ids: collections.Counter) -> str:
    if not ids:
        return "-"
    return " ".join(short(i) for i in sorted(ids.elements(), key=id_key))


def clean_environment(all_cases: list[Case]) -> dict:
    env = dict(os.environ)
    for name in env_vars_read(all_cases) | {
        "DJANGO_SETTINGS_MODULE", "PYTHONPATH", "PYTHONHOME", "PYTHONSTARTUP", "PYTHONSAFEPATH",
        "DJANGO_ALLOW_ASYNC_UNSAFE", "DJANGO_COLORS",
    }:
        env.pop(name, None)
    env["PYTHONDONTWRITEBYTECODE"] = "1"  # the case folders keep only settings.py
    env["PYTHONNOUSERSITE"] = "1"
    return env


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--pyward", help="the pyward executable (required unless --list)")
    ap.add_argument("--cache", type=Path, default=DEFAULT_CACHE,
                    help=f"where Django is installed (default {DEFAULT_CACHE.relative_to(REPO_ROOT)})")
    ap.add_argument("--keep", type=Path, metavar="DIR", help="write the cases into DIR and keep them")
    ap.add_argument("--list", action="store_true", help="print the cases and Django's ids; do not run pyward")
    ap.add_argument("--refresh-django", action="store_true", help="reinstall Django even if the cache holds a 5.2.x")
    ap.add_argument("--jobs", "-j", type=int, default=min(8, os.cpu_count() or 1))
    ap.add_argument("--verbose", "-v", action="store_true", help="print the settings.py of differing cases")
    args = ap.parse_args(argv)
    if not args.list and not args.pyward:
        ap.error("--pyward is required (or use --list)")
    if args.pyward and not args.list:
        pyward_path = shutil.which(args.pyward) or args.pyward
        if not Path(pyward_path).is_file():
            print(f"ERROR: pyward executable {args.pyward!r} not found", file=sys.stderr)
            return 1
        args.pyward = str(Path(pyward_path).resolve())

    all_cases = cases()
    env = clean_environment(all_cases)
    try:
        django_dir, version = ensure_django(args.cache.resolve(), env, args.refresh_django)
    except SetupError as exc:
        print(f"ERROR: {exc}", file=sys.stderr)
        return 1
    log(f"Django {version} from {django_dir}; {len(all_cases)} cases")

    tmp = None
    if args.keep:
        root = args.keep.resolve()
    else:
        tmp = tempfile.TemporaryDirectory(prefix="django-check-diff-")
        root = Path(tmp.name)
    try:
        dirs = write_cases(all_cases, root)
        jobs = max(1, args.jobs)
        with concurrent.futures.ThreadPoolExecutor(jobs) as pool:
            django = dict(zip(dirs, pool.map(lambda n: run_django(dirs[n], django_dir, env), dirs)))
        pyward: dict[str, PywardResult] = {}
        if not args.list:
            try:
                with concurrent.futures.ThreadPoolExecutor(jobs) as pool:
                    pyward = dict(zip(dirs, pool.map(lambda n: run_pyward(args.pyward, dirs[n], env), dirs)))
            except SetupError as exc:
                print(f"ERROR: {exc}", file=sys.stderr)
                return 1
        return report(all_cases, dirs, django, pyward, args)
    finally:
        if tmp is not None:
            tmp.cleanup()
        elif args.keep:
            log(f"cases kept in {root}")


def report(all_cases, dirs, django, pyward, args) -> int:
    width_case = max(len(c.name) for c in all_cases)
    rows = []
    for c in all_cases:
        d = django[c.name]
        dj = "ERROR" if d.error else fmt(d.ids)
        if args.list:
            other = fmt(c.expected_ids())
            status = "ERROR" if d.error else ("ok" if d.ids == c.expected_ids() else "UNEXPECTED")
        else:
            other = fmt(pyward[c.name].ids)
            status = "ERROR" if d.error else ("OK" if d.ids == pyward[c.name].ids else "DIFF")
        rows.append((c, dj, other, status))
    w_dj = max([len("Django")] + [len(r[1]) for r in rows])
    w_other = max([len("expected" if args.list else "pyward")] + [len(r[2]) for r in rows])
    head_other = "expected" if args.list else "pyward"
    print(f"{'case':<{width_case}}  {'Django':<{w_dj}}  {head_other:<{w_other}}  {'result':<10}  description")
    print(f"{'-' * width_case}  {'-' * w_dj}  {'-' * w_other}  {'-' * 10}  {'-' * 11}")
    for c, dj, other, status in rows:
        print(f"{c.name:<{width_case}}  {dj:<{w_dj}}  {other:<{w_other}}  {status:<10}  {c.title}")

    errors = [c for c, *_ in rows if django[c.name].error]
    if errors:
        print("\nDjango could not run these cases:")
        for c in errors:
            print(f"  {c.name}: {django[c.name].error}")

    diffs = [] if args.list else [c for c, _, _, s in rows if s == "DIFF"]
    if diffs:
        print("\nDisagreements:")
        for c in diffs:
            d, p = django[c.name].ids, pyward[c.name].ids
            print(f"  {c.name} ({c.title}):")
            if d - p:
                print(f"    Django only: {fmt(d - p)}")
            if p - d:
                print(f"    pyward only: {fmt(p - d)}")
                for f in pyward[c.name].findings:
                    if finding_id(f) in (p - d):
                        print(f"      {f.get('rule')} line {f.get('line')}: {f.get('message')}")
            if args.verbose:
                print("    settings.py:")
                for n, line in enumerate(c.text().splitlines(), 1):
                    print(f"    {n:3d} | {line}")
    pyward_errors = [(c, pyward[c.name].errors) for c in all_cases if c.name in pyward and pyward[c.name].errors]
    if pyward_errors:
        print("\npyward reported errors (notes; they count only through the ids above):")
        for c, errs in pyward_errors:
            for e in errs:
                print(f"  {c.name}: {e}")

    if not args.list:
        unexpected = [c for c in all_cases if not django[c.name].error and django[c.name].ids != c.expected_ids()]
        if unexpected:
            print("\nExpectation notes (Django differs from the generator's '# expect:' line; not a failure):")
            for c in unexpected:
                print(f"  {c.name}: Django {fmt(django[c.name].ids)}, expected {fmt(c.expected_ids())}")

    dropped = collections.Counter(i for c in all_cases for i in django[c.name].dropped)
    seen = set()
    for c in all_cases:
        seen.update(django[c.name].ids)
    covered = [i for i in REQUIRED_IDS if i in seen]
    missing = [i for i in REQUIRED_IDS if i not in seen]
    extra_seen = sorted(seen - set(REQUIRED_IDS), key=id_key)
    ran = len(all_cases) - len(errors)

    print()
    print(f"cases: {len(all_cases)} ({ran} ran under Django)")
    print(f"Django ids seen (distinct): {len(seen)}")
    print(f"  covered ({len(covered)}/{len(REQUIRED_IDS)}): {' '.join(short(i) for i in covered)}")
    print(f"  not covered: {' '.join(short(i) for i in missing) or '-'}")
    if extra_seen:
        print(f"  outside the spec: {' '.join(short(i) for i in extra_seen)}")
    print(f"  not compared: {', '.join(short(i) for i in sorted(NOT_IN_DJANGO_52, key=id_key))} (Django 6.x only), "
          f"{', '.join(short(i) for i in sorted(NOT_IN_SPEC, key=id_key))} (CSRF failure view, no DJ rule)"
          + (f"; dropped from Django's output: {fmt(dropped)}" if dropped else ""))
    if args.list:
        unexpected = sum(1 for _, _, _, s in rows if s == "UNEXPECTED")
        print(f"Django differs from the generator's expectation in {unexpected} case(s)")
        ok = not errors and len(all_cases) >= MIN_CASES and not missing
    else:
        print(f"disagreements: {len(diffs) + len(errors)}")
        ok = not errors and not diffs and len(all_cases) >= MIN_CASES and not missing
    if len(all_cases) < MIN_CASES:
        print(f"FAIL: only {len(all_cases)} cases, at least {MIN_CASES} needed")
    print("PASS" if ok else "FAIL")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
