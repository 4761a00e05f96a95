"""
"Production" overrides, loaded with DJANGO_SETTINGS_MODULE=mysite.settings_prod.

They fix some of the development defaults but not all of them.
"""
import os

from .settings import *  # noqa: F401,F403

# SAFE: DEBUG off in production
DEBUG = False
# SAFE: exceptions handled by Django (logged, generic 500 page), not propagated
DEBUG_PROPAGATE_EXCEPTIONS = False

# FLAW: secret key falls back to a hard-coded value when the variable is unset (SEC004)
SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "prod-fallback-key-change-me")

ALLOWED_HOSTS = ["shop.example.com"]

# SAFE: secure cookies in production
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True

# FLAW: HSTS set for a minute only, no subdomains, no preload
SECURE_HSTS_SECONDS = 60
SECURE_HSTS_INCLUDE_SUBDOMAINS = False

# FLAW: still no SecurityMiddleware / XFrameOptionsMiddleware (MIDDLEWARE inherited as is)
