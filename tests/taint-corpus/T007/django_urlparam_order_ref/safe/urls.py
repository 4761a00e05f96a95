from django.urls import path

from . import views

urlpatterns = [
    path("orders/<int:order_ref>/thanks/", views.order_thanks, name="order-thanks"),  # safe: int converter
]
