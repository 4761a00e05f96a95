from django.urls import path

from . import views

urlpatterns = [
    path("people/<str:username>/card/", views.user_card, name="user-card"),
]
