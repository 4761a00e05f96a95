from django.urls import path

from . import views

urlpatterns = [
    path("invoices/<str:invoice_id>/", views.invoice_detail, name="invoice-detail"),
]
