"""The project's URLs plus the health survey's respondent page, as shutafut/urls.py will include it."""

from django.urls import include, path

from shutafut.urls import urlpatterns as project_urlpatterns

urlpatterns = [*project_urlpatterns, path("h/", include("shutafut.workspace.public_urls"))]
