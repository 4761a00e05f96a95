from django.urls import path

from . import views

urlpatterns = [
    path("invoices/<int:invoice_id>/", views.invoice_detail, name="invoice-detail"),  # safe: int converter
]
