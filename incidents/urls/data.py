"""Data addresses (exports, feeds, API): stable, never under a language prefix."""

from django.urls import path

from incidents import exports
from incidents.api import api
from incidents.feeds import IncidentFeed

app_name = "data"
urlpatterns = [
    path("export/incidents.csv", exports.export_csv, name="export_csv"),
    path("export/incidents.json", exports.export_json, name="export_json"),
    path("export/incidents.geojson", exports.export_geojson, name="export_geojson"),
    path("feeds/incidents.atom", IncidentFeed(), name="feed"),
    path("api/v1/", api.urls),
]
