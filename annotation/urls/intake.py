"""Intake routes (namespace ``annotation``, under /<lang>/desk/intake/)."""

from django.urls import path

from annotation.views import intake

urlpatterns = [
    path("", intake.intake, name="intake"),
    path("confirm/", intake.intake_confirm, name="intake_confirm"),
    path("done/", intake.intake_done, name="intake_done"),
    path("batches/<int:pk>/", intake.batch_detail, name="batch_detail"),
    path("batches/<int:pk>/tag/", intake.batch_tag_now, name="batch_tag_now"),
    path("feeds/poll/", intake.feed_poll, name="feed_poll"),
]
