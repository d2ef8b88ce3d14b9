"""The project's URLs: the admin, the API (newsdesk/api/urls.py), its docs."""

from django.contrib import admin
from django.urls import include, path
from django.views.generic import RedirectView
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView

admin.site.site_header = "Newsdesk"
admin.site.site_title = "Newsdesk"
admin.site.index_title = "Newsroom"

# Under /api/, an unknown URL answers JSON in the API's error shape.
handler404 = "newsdesk.api.errors.not_found"

urlpatterns = [
    path("", RedirectView.as_view(pattern_name="admin:index", permanent=False)),
    path("admin/", admin.site.urls),
    path("stories/", include("articles.urls")),
    path("api/v1/", include("newsdesk.api.urls")),
    path("feeds/", include("newsdesk.syndication.urls")),
    path("api/schema/", SpectacularAPIView.as_view(), name="schema"),
    path(
        "api/docs/",
        # The split view serves Swagger UI's start-up script as a file of its
        # own, so the docs run under a Content-Security-Policy that allows no
        # inline script.
        SpectacularSwaggerSplitView.as_view(url_name="schema"),
        name="api-docs",
    ),
]
