from django.urls import path

from . import views

urlpatterns = [
    path("orders/<str:order_ref>/thanks/", views.order_thanks, name="order-thanks"),
]
