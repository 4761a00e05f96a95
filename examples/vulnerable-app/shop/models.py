import hashlib

from django.contrib.auth.models import User
from django.core.validators import FileExtensionValidator
from django.db import models
from django.db.models.expressions import RawSQL


class Customer(models.Model):
    user = models.OneToOneField(User, on_delete=models.CASCADE)
    display_name = models.CharField(max_length=100)
    bio = models.TextField(blank=True)
    # FLAW: card number and CVV stored in clear text
    card_number = models.CharField(max_length=19, blank=True)
    card_cvv = models.CharField(max_length=4, blank=True)
    # FLAW: second, home-grown password column hashed with MD5
    legacy_password = models.CharField(max_length=32, blank=True)

    def set_legacy_password(self, raw_password):
        # FLAW: weak, fast hash for passwords (B324, PY001)
        self.legacy_password = hashlib.md5(raw_password.encode()).hexdigest()

    def check_legacy_password(self, raw_password):
        # FLAW: weak hash (B324, PY001) and timing-unsafe comparison (PY005)
        return self.legacy_password == hashlib.md5(raw_password.encode()).hexdigest()


class Product(models.Model):
    name = models.CharField(max_length=200)
    description = models.TextField()
    price = models.DecimalField(max_digits=8, decimal_places=2)

    @classmethod
    def search_sorted(cls, term, order_by):
        # FLAW: SQL injection through RawSQL built with string formatting (B611)
        return cls.objects.annotate(
            score=RawSQL("SELECT similarity(name, '%s')" % term, [])
        ).order_by(order_by)

    @classmethod
    def cheaper_than(cls, limit):
        # FLAW: SQL injection through QuerySet.extra (B610)
        return cls.objects.extra(where=["price < " + limit])


class Order(models.Model):
    customer = models.ForeignKey(Customer, on_delete=models.CASCADE)
    reference = models.CharField(max_length=32, unique=True)
    created = models.DateTimeField(auto_now_add=True)


class Document(models.Model):
    owner = models.ForeignKey(Customer, on_delete=models.CASCADE)
    # FLAW: uploads accepted with no extension or content-type validation (UP002)
    file = models.FileField(upload_to="documents/")
    # SAFE: the signed copy must be a PDF
    signed_copy = models.FileField(
        upload_to="documents/signed/", blank=True, validators=[FileExtensionValidator(["pdf"])]
    )
    uploaded = models.DateTimeField(auto_now_add=True)


class SupplierAccount(models.Model):
    """A supplier that pushes stock updates through the API (see shop/auth.py)."""
    name = models.CharField(max_length=100)
    # FLAW: the supplier's API key stored as sent, readable from any backup or SQL injection (PY003)
    api_key = models.CharField(max_length=64, unique=True)
    # SAFE: only a SHA-256 digest of the key is stored and looked up
    api_key_hash = models.CharField(max_length=64, unique=True)
