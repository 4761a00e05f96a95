from django.urls import path

from . import views

urlpatterns = [
    path("go/<path:target>", views.go, name="go"),
]
