from django.urls import path

from shutafut.jobs import views

urlpatterns = [
    path("<int:pk>/", views.job_detail, name="job-detail"),
    path("<int:pk>/status.json", views.job_status_json, name="job-status"),
    path("<int:pk>/file", views.job_file, name="job-file"),
]
