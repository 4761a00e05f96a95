"""Supplier portal accounts: passwords, API keys and signed links.

Deliberately insecure where marked; each flaw has a safe twin right after it.
"""
import hashlib
import logging
import os
# FLAW: pickle imported to serialise signed links (B403)
import pickle
import secrets
import uuid

import bcrypt
from django.conf import settings
from django.contrib.auth.hashers import make_password
from itsdangerous import URLSafeTimedSerializer

from .models import SupplierAccount

logger = logging.getLogger(__name__)

# One salt shared by every portal password; see hash_portal_password_pbkdf2
PORTAL_SALT = b"shop-portal-2021"

# FLAW: signed e-mail confirmation links deserialised with pickle: a leaked SECRET_KEY means code execution (PY025)
confirm_links = URLSafeTimedSerializer(settings.SECRET_KEY, salt="confirm-email", serializer=pickle)
# SAFE: the default JSON serializer
unsubscribe_links = URLSafeTimedSerializer(settings.SECRET_KEY, salt="unsubscribe")


def hash_portal_password(password):
    # FLAW: a single unsalted SHA-256 round for a password (PY001)
    return hashlib.sha256(password.encode("utf-8")).hexdigest()


def safe_hash_portal_password(password):
    # SAFE: Django's password hasher (salted, slow)
    return make_password(password)


def hash_portal_password_fast(password):
    # FLAW: bcrypt cost 6 "to speed up logins", far below the minimum of 10 (PY002)
    return bcrypt.hashpw(password.encode("utf-8"), bcrypt.gensalt(rounds=6))


def safe_hash_portal_password_fast(password):
    # SAFE: bcrypt cost 12
    return bcrypt.hashpw(password.encode("utf-8"), bcrypt.gensalt(rounds=12))


def hash_portal_password_pbkdf2(password):
    # FLAW: the same fixed salt for every password, equal passwords get equal hashes (PY008)
    return hashlib.pbkdf2_hmac("sha256", password.encode("utf-8"), PORTAL_SALT, 600_000)


def safe_hash_portal_password_pbkdf2(password):
    salt = os.urandom(16)
    # SAFE: a random salt per password, stored with the hash
    return salt + hashlib.pbkdf2_hmac("sha256", password.encode("utf-8"), salt, 600_000)


def new_api_key():
    # FLAW: uuid1 is built from the clock and the MAC address: the key is guessable (PY012)
    return uuid.uuid1().hex


def safe_new_api_key():
    # SAFE: 256 bits from the operating system's CSPRNG
    return secrets.token_urlsafe(32)


def find_supplier(request):
    api_key = request.headers.get("X-Api-Key", "")
    supplier = SupplierAccount.objects.filter(api_key=api_key).first()
    if supplier is None:
        # FLAW: the rejected API key is written to the log in full (PY020)
        logger.warning("rejected API key %s from %s", api_key, request.META.get("REMOTE_ADDR"))
    return supplier


def safe_find_supplier(request):
    api_key = request.headers.get("X-Api-Key", "")
    digest = hashlib.sha256(api_key.encode("utf-8")).hexdigest()
    supplier = SupplierAccount.objects.filter(api_key_hash=digest).first()
    if supplier is None:
        # SAFE: logs where the attempt came from, not the credential
        logger.warning("rejected API key from %s", request.META.get("REMOTE_ADDR"))
    return supplier
