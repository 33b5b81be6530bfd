from django.urls import path

from shutafut.guide import views

urlpatterns = [
    path("", views.home, name="home"),
    path("guide/", views.guide_index, name="guide"),
    path("guide/ladder/", views.guide_ladder, name="guide-ladder"),
    path("guide/principles/", views.guide_principles, name="guide-principles"),
    path("guide/sectors/", views.guide_sectors, name="guide-sectors"),
    path("guide/life-cycle/", views.guide_lifecycle, name="guide-lifecycle"),
    path("t/<slug:town>/", views.dashboard, name="dashboard"),
    path("t/<slug:town>/sectors/", views.town_sectors, name="town-sectors"),
    path("t/<slug:town>/sectors/settings/", views.town_sector_settings, name="town-sector-settings"),
]
