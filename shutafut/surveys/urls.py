"""Coordinator pages of the survey waves, under /t/<town>/surveys/."""

from django.urls import path

from shutafut.surveys import views

urlpatterns = [
    path("", views.wave_list_view, name="survey-wave-list"),
    path("new/", views.wave_create_view, name="survey-wave-create"),
    path("<int:pk>/", views.wave_detail_view, name="survey-wave-detail"),
    path("<int:pk>/edit/", views.wave_edit_view, name="survey-wave-edit"),
    path("<int:pk>/roster/", views.wave_roster_view, name="survey-wave-roster"),
    path("<int:pk>/roster/person/", views.wave_add_respondent_view, name="survey-wave-add-respondent"),
    path("<int:pk>/open/", views.wave_open_view, name="survey-wave-open"),
    path("<int:pk>/close/", views.wave_close_view, name="survey-wave-close"),
    path("<int:pk>/links/", views.wave_links_view, name="survey-wave-links"),
    path("<int:pk>/links.csv", views.wave_links_csv_view, name="survey-wave-links-csv"),
    path("<int:pk>/links/remind/", views.wave_remind_view, name="survey-wave-remind"),
    path("<int:pk>/links/<int:link>/resend/", views.link_resend_view, name="survey-link-resend"),
    path("<int:pk>/links/<int:link>/revoke/", views.link_revoke_view, name="survey-link-revoke"),
]
