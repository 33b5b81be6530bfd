from django.urls import path

from shutafut.organizations import views

urlpatterns = [
    path("", views.organization_list_view, name="organization-list"),
    path("new/", views.organization_create_view, name="organization-create"),
    path("suggest.json", views.organization_suggest_view, name="organization-suggest"),
    path("<int:pk>/", views.organization_detail_view, name="organization-detail"),
    path("<int:pk>/edit/", views.organization_edit_view, name="organization-edit"),
    path("<int:pk>/delete/", views.organization_delete_view, name="organization-delete"),
    path("<int:pk>/people/new/", views.person_create_view, name="person-create"),
    path("<int:pk>/people/<int:person>/edit/", views.person_edit_view, name="person-edit"),
    path("<int:pk>/people/<int:person>/delete/", views.person_delete_view, name="person-delete"),
]
