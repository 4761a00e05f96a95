from django.urls import path

from . import views

urlpatterns = [
    path("help/<str:section>/", views.help_section, name="help-section"),
]
