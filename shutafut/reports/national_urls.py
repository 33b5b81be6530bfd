"""The national view (group 'national' or superuser): include under ``national/``."""

from django.urls import path

from shutafut.reports import views

urlpatterns = [
    path("", views.national_view, name="national"),
]
