from django.urls import path

from shutafut.audit import views

urlpatterns = [path("", views.audit_list, name="audit-list")]
