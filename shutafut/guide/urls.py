from django.urls import path

from shutafut.guide import views

urlpatterns = [
    path("", views.home, name="home"),
    path("guide/", views.guide_index, name="guide"),
    path("guide/ladder/", views.guide_ladder, name="guide-ladder"),
    path("guide/principles/", views.guide_principles, name="guide-principles"),
    path("guide/sectors/", views.guide_sectors, name="guide-sectors"),
    path("t/<slug:town>/", views.dashboard, name="dashboard"),
]
