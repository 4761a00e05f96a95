from django.urls import path

from . import views

urlpatterns = [
    path("attachments/<path:filename>", views.attachment, name="attachment"),
]
