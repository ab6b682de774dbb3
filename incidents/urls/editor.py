"""The editors' desk home and incident desk (namespace ``workflow``), mounted at /<lang>/desk/ beside annotation's routes."""

from django.urls import path

from incidents.views import editor as views

app_name = "workflow"

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("incidents/", views.queue, name="queue"),
    path("incidents/new/", views.create, name="create"),
    path("incidents/mine/", views.mine, name="mine"),
    path("incidents/attach/", views.attach, name="attach"),
    path("incidents/<int:pk>/", views.edit, name="edit"),
    path("incidents/<int:pk>/submit/", views.submit, name="submit"),
    path("incidents/<int:pk>/approve/", views.approve, name="approve"),
    path("incidents/<int:pk>/correct/", views.correct, name="correct"),
    path("incidents/<int:pk>/retract/", views.retract, name="retract"),
    path("incidents/<int:pk>/merge/", views.merge, name="merge"),
    path("incidents/<int:pk>/sources/<int:source_pk>/", views.decide_source, name="decide_source"),
    path("incidents/<int:pk>/corrections/<int:correction_pk>/", views.decide_correction, name="decide_correction"),
]
