from django.urls import path

from shutafut.relationships import views

urlpatterns = [
    path("", views.relationship_list_view, name="relationship-list"),
    path("new/", views.relationship_create_view, name="relationship-create"),
    path("<int:pk>/", views.relationship_detail_view, name="relationship-detail"),
    path("<int:pk>/edit/", views.relationship_edit_view, name="relationship-edit"),
    path("<int:pk>/delete/", views.relationship_delete_view, name="relationship-delete"),
]
