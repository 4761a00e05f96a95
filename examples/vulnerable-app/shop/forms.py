"""Forms of the shop app. Deliberately insecure where marked."""
import re

from django import forms

from .models import Customer

# FLAW: nested quantifiers, a long almost-matching code backtracks exponentially (ReDoS) (PY023)
COUPON_RE = re.compile(r"^([A-Z0-9]+-?)+$")
# SAFE: each character can be matched in only one way
SAFE_COUPON_RE = re.compile(r"^[A-Z0-9]+(?:-[A-Z0-9]+)*$")


class CustomerProfileForm(forms.ModelForm):
    class Meta:
        model = Customer
        # FLAW: every field editable, card data and the legacy password hash included (PY021)
        fields = "__all__"


class SafeCustomerProfileForm(forms.ModelForm):
    class Meta:
        model = Customer
        # SAFE: only the fields the profile page shows
        fields = ["display_name", "bio"]


class CouponForm(forms.Form):
    code = forms.CharField(max_length=64)

    def clean_code(self):
        code = self.cleaned_data["code"].upper()
        if not COUPON_RE.match(code):
            raise forms.ValidationError("invalid coupon code")
        return code


class SafeCouponForm(forms.Form):
    code = forms.CharField(max_length=32)

    def clean_code(self):
        code = self.cleaned_data["code"].upper()
        if not SAFE_COUPON_RE.match(code):
            raise forms.ValidationError("invalid coupon code")
        return code
