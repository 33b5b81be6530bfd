from __future__ import annotations

from django.urls import path

from shutafut.diagnosis import views

urlpatterns = [
    path("guided/", views.guided_view, name="guided-diagnosis"),
    path("guided/preview/", views.guided_preview_view, name="guided-preview"),
    path("guided/export/", views.guided_export_view, name="guided-export"),
    path("guided/save/", views.guided_save_view, name="guided-save"),
    path("<int:pk>/answer/<str:ask>/", views.diagnosis_answer_view, name="diagnosis-answer"),
]
