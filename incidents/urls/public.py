"""Public pages, under the language prefix (/ar/, /en/)."""

from django.urls import path

from incidents.views import public as views

app_name = "incidents"

urlpatterns = [
    path("", views.incident_list, name="list"),
    path("incidents/<str:code>/", views.incident_detail, name="detail"),
    path("places/<int:pk>/", views.place_detail, name="place"),
    path("actors/<int:pk>/", views.actor_detail, name="actor"),
    path("stats/", views.stats, name="stats"),
    path("map/", views.incident_map, name="map"),
    path("about/", views.about, name="about"),
]
