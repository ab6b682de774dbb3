"""Desk home and the review screen (namespace ``annotation``)."""

from django.urls import path

from annotation.views import desk, review

urlpatterns = [
    path("", desk.dashboard, name="dashboard"),
    path("articles/<int:pk>/review/", review.review, name="review"),
]
