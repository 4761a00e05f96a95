from django.urls import path

from . import views

urlpatterns = [
    path("stores/<str:store_id>/select/", views.select_store, name="select-store"),
]
