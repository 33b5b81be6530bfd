"""Included at /t/<town>/map/."""

from __future__ import annotations

from django.urls import path

from shutafut.network import views

urlpatterns = [
    path("", views.network_map_view, name="network-map"),
    path("data.json", views.network_map_data_view, name="network-map-data"),
    path("compare/", views.network_compare_view, name="network-compare"),
    path("export.graphml", views.export_graphml_view, name="network-export-graphml"),
    path("export.gexf", views.export_gexf_view, name="network-export-gexf"),
    path("nodes.csv", views.export_nodes_csv_view, name="network-export-nodes-csv"),
    path("ties.csv", views.export_ties_csv_view, name="network-export-ties-csv"),
    path("map.xlsx", views.export_xlsx_view, name="network-export-xlsx"),
]
