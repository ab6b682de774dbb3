"""The editors' incident desk (namespace ``workflow``), mounted at /<lang>/desk/incidents/."""

from django.urls import path

from incidents.views import editor as views

app_name = "workflow"

urlpatterns = [
    path("", views.queue, name="queue"),
    path("new/", views.create, name="create"),
    path("attach/", views.attach, name="attach"),
    path("<int:pk>/", views.edit, name="edit"),
    path("<int:pk>/submit/", views.submit, name="submit"),
    path("<int:pk>/approve/", views.approve, name="approve"),
    path("<int:pk>/correct/", views.correct, name="correct"),
    path("<int:pk>/retract/", views.retract, name="retract"),
    path("<int:pk>/merge/", views.merge, name="merge"),
]
