"""The project's URLs plus the respondent form at /s/, as shutafut/urls.py will have them (tests only)."""

from django.urls import include, path

from shutafut.urls import urlpatterns as project_urlpatterns

urlpatterns = [*project_urlpatterns, path("s/", include("shutafut.surveys.respondent_urls"))]
