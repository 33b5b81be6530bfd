"""The respondent's form, outside the town prefix: /s/<token>/ (no account; the token is the access)."""

from django.urls import path

from shutafut.surveys import views

urlpatterns = [
    path("<str:token>/", views.respond_view, name="survey-respond"),
    path("<str:token>/answer/", views.answer_view, name="survey-answer"),
    path("<str:token>/finish/", views.finish_view, name="survey-finish"),
]
