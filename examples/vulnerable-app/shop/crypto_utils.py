"""Encryption of stored card data, supplier exports and backups.

Deliberately insecure where marked. Nothing in this module computes a MAC
(no hmac import): the CBC backup below is really unauthenticated.
"""
import os

import paramiko
from cryptography.fernet import Fernet
from cryptography.hazmat.primitives import hashes, padding as sym_padding
from cryptography.hazmat.primitives.asymmetric import padding
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from django.conf import settings

# Fake Fernet key (base64 of "fake-key-for-pyward-example-0000"); see encrypt_card_number
CARD_KEY = b"ZmFrZS1rZXktZm9yLXB5d2FyZC1leGFtcGxlLTAwMDA="
# The same 96-bit nonce for every export; see encrypt_export
EXPORT_NONCE = b"shop-export1"


def encrypt_card_number(card_number):
    # FLAW: encryption key written in the source, so every clone of the repository can decrypt (PY006)
    return Fernet(CARD_KEY).encrypt(card_number.encode())


def safe_encrypt_card_number(card_number):
    # SAFE: key loaded from the deployment's settings (environment or secret store)
    return Fernet(settings.CARD_ENCRYPTION_KEY).encrypt(card_number.encode())


def encrypt_export(data, key):
    # FLAW: constant GCM nonce, reused under the same key for every export (PY007)
    encryptor = Cipher(algorithms.AES(key), modes.GCM(EXPORT_NONCE)).encryptor()
    return encryptor.update(data) + encryptor.finalize() + encryptor.tag


def safe_encrypt_export(data, key):
    nonce = os.urandom(12)
    # SAFE: a fresh random nonce per export, stored in front of the ciphertext
    encryptor = Cipher(algorithms.AES(key), modes.GCM(nonce)).encryptor()
    return nonce + encryptor.update(data) + encryptor.finalize() + encryptor.tag


def encrypt_backup(data, key):
    iv = os.urandom(16)
    padder = sym_padding.PKCS7(128).padder()
    padded = padder.update(data) + padder.finalize()
    # FLAW: AES-CBC without a MAC, the backup can be altered undetected (padding oracle) (PY009)
    encryptor = Cipher(algorithms.AES(key), modes.CBC(iv)).encryptor()
    return iv + encryptor.update(padded) + encryptor.finalize()


def safe_encrypt_backup(data, key):
    nonce = os.urandom(12)
    # SAFE: AES-GCM (AEAD) authenticates the ciphertext
    return nonce + AESGCM(key).encrypt(nonce, data, b"shop-backup")


def encrypt_for_gateway(gateway_public_key, card_number):
    # FLAW: RSA encryption with PKCS#1 v1.5 padding (Bleichenbacher padding oracle) (PY010)
    return gateway_public_key.encrypt(card_number.encode(), padding.PKCS1v15())


def safe_encrypt_for_gateway(gateway_public_key, card_number):
    # SAFE: RSA-OAEP with SHA-256
    oaep = padding.OAEP(mgf=padding.MGF1(algorithm=hashes.SHA256()), algorithm=hashes.SHA256(), label=None)
    return gateway_public_key.encrypt(card_number.encode(), oaep)


def new_supplier_sftp_key():
    # FLAW: 1024-bit RSA key for the supplier SFTP account (PY011)
    return paramiko.RSAKey.generate(1024)


def safe_new_supplier_sftp_key():
    # SAFE: 3072-bit RSA key
    return paramiko.RSAKey.generate(3072)
