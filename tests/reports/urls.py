"""The project's URLs plus the two prefixes the reports app asks for (public pages and the national view)."""

from django.urls import include, path

from shutafut.urls import urlpatterns as project_urlpatterns

urlpatterns = [
    *project_urlpatterns,
    path("p/", include("shutafut.reports.public_urls")),
    path("national/", include("shutafut.reports.national_urls")),
]
