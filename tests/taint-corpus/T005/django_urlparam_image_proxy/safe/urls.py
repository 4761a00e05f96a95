from django.urls import path

from . import views

urlpatterns = [
    path("img/<path:target>", views.image_proxy, name="image-proxy"),
]
