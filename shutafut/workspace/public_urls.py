"""The respondent's page of the health survey, outside the town prefix: include at "h/" in shutafut/urls.py."""

from __future__ import annotations

from django.urls import path

from shutafut.workspace import views

urlpatterns = [
    path("<str:token>/", views.health_respond_view, name="health-respond"),
]
