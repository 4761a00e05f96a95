from django.conf import settings
from django.conf.urls.static import static
from django.contrib import admin
from django.urls import include, path, re_path
from django.views.static import serve

urlpatterns = [
    # FLAW: admin at the default, guessable URL
    path("admin/", admin.site.urls),
    path("shop/", include("shop.urls")),
    # FLAW: django.views.static.serve exposes the upload folder, also outside DEBUG
    re_path(r"^files/(?P<path>.*)$", serve, {"document_root": settings.MEDIA_ROOT, "show_indexes": True}),
]

urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
