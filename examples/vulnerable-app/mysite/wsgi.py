"""WSGI config for mysite."""
import os

from django.core.wsgi import get_wsgi_application

# FLAW: production server started with the development settings module
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "mysite.settings")

application = get_wsgi_application()
