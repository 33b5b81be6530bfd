from django.urls import path

from shutafut.partnerships import views

urlpatterns = [
    path("", views.partnership_list_view, name="partnership-list"),
    path("new/", views.partnership_create_view, name="partnership-create"),
    path("<int:pk>/", views.partnership_detail_view, name="partnership-detail"),
    path("<int:pk>/edit/", views.partnership_edit_view, name="partnership-edit"),
    path("<int:pk>/<str:part>/new/", views.part_create_view, name="partnership-part-create"),
    path("<int:pk>/<str:part>/<int:item>/edit/", views.part_edit_view, name="partnership-part-edit"),
    path("<int:pk>/<str:part>/<int:item>/delete/", views.part_delete_view, name="partnership-part-delete"),
]
