"""
Django settings for mysite (a small shop with user profiles and uploads).

Deliberately insecure: every problem is marked with a "# FLAW:" comment.
"""
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent

# FLAW: hard-coded SECRET_KEY committed to the repository (SEC004)
SECRET_KEY = "django-insecure-9f#2x!k@p0v$w7r^t&3m*q8z(l)e+u_j1b6n4c5d=h-s%y"

# FLAW: DEBUG enabled (stack traces and settings shown to every visitor)
DEBUG = True

# FLAW: any Host header accepted
ALLOWED_HOSTS = ["*"]

# FLAW: exceptions escape Django's 500 handler to the WSGI server, which may show them (PY019)
DEBUG_PROPAGATE_EXCEPTIONS = True

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "shop",
]

MIDDLEWARE = [
    # FLAW: django.middleware.security.SecurityMiddleware missing (no HSTS, nosniff, SSL redirect)
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    # FLAW: CSRF protection disabled
    # "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # FLAW: django.middleware.clickjacking.XFrameOptionsMiddleware missing (clickjacking)
]

ROOT_URLCONF = "mysite.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            # FLAW: template debug output enabled
            "debug": True,
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

WSGI_APPLICATION = "mysite.wsgi.application"

DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": "shop",
        "USER": "shop_admin",
        # FLAW: hard-coded database password (SEC005)
        "PASSWORD": "Sup3rS3cret!2021",
        "HOST": "db.internal.example.com",
        "PORT": "5432",
    }
}

# FLAW: weak password validation (only a 4-character minimum)
AUTH_PASSWORD_VALIDATORS = [
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 4},
    },
]

# FLAW: MD5-based password hashers listed first (fast, unsalted)
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.UnsaltedMD5PasswordHasher",
    "django.contrib.auth.hashers.MD5PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]

# FLAW: session data serialised with pickle (code execution if SECRET_KEY leaks) (PY025)
SESSION_SERIALIZER = "django.contrib.sessions.serializers.PickleSerializer"

# FLAW: cookies sent over plain HTTP and readable from JavaScript
SESSION_COOKIE_SECURE = False
SESSION_COOKIE_HTTPONLY = False
CSRF_COOKIE_SECURE = False
# FLAW: session cookie never expires on browser close and lives for a year
SESSION_EXPIRE_AT_BROWSER_CLOSE = False
SESSION_COOKIE_AGE = 60 * 60 * 24 * 365

# FLAW: no HTTPS redirect and no HSTS
SECURE_SSL_REDIRECT = False
SECURE_HSTS_SECONDS = 0

# FLAW: uploaded files world-writable, no upload size limit
FILE_UPLOAD_PERMISSIONS = 0o777
DATA_UPLOAD_MAX_MEMORY_SIZE = None

LANGUAGE_CODE = "en-us"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "static"
# FLAW: user uploads served from inside the project tree
MEDIA_URL = "/media/"
MEDIA_ROOT = BASE_DIR / "uploads"

EMAIL_HOST = "smtp.example.com"
EMAIL_HOST_USER = "noreply@example.com"
# FLAW: hard-coded SMTP password (SEC005)
EMAIL_HOST_PASSWORD = "mailpass123"

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
