from django.urls import path

from shutafut.reports import views

urlpatterns = [
    path("", views.town_report_view, name="report-town"),
    path("town.pdf", views.town_report_pdf_view, name="report-town-pdf"),
    path("partnerships/<int:pk>/", views.partnership_report_view, name="report-partnership"),
    path("partnerships/<int:pk>.pdf", views.partnership_report_pdf_view, name="report-partnership-pdf"),
    path("partnerships/<int:pk>/public/", views.public_preview_view, name="public-preview"),
    path("export/<slug:name>.<slug:fmt>", views.export_view, name="report-export"),
    path("import/", views.import_view, name="report-import"),
    path("import/template/<slug:kind>.<slug:fmt>", views.import_template_view, name="report-import-template"),
]
