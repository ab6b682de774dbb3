"""The editors' incident desk (namespace ``workflow``), mounted at /<lang>/desk/incidents/."""

from django.urls import path

from incidents import views_editor as views

app_name = "workflow"

urlpatterns = [
    path("", views.queue, name="queue"),
    path("new/", views.create, name="create"),
    path("attach/", views.attach, name="attach"),
    path("<int:pk>/", views.edit, name="edit"),
    path("<int:pk>/submit/", views.submit, name="submit"),
    path("<int:pk>/review/", views.review, name="review"),
    path("<int:pk>/correct/", views.correct, name="correct"),
    path("<int:pk>/retract/", views.retract, name="retract"),
    path("<int:pk>/merge/", views.merge, name="merge"),
]
