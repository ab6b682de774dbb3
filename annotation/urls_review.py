from django.urls import path

from annotation.views import desk

urlpatterns = [
    path("", desk.dashboard, name="dashboard"),
]
