"""Public partnership pages, readable without login: include under ``p/``."""

from django.urls import path

from shutafut.reports import views

urlpatterns = [
    path("<slug:town>/<int:pk>/", views.public_partnership_view, name="public-partnership"),
]
