"""The editors' desk (namespace ``annotation``), mounted at /<lang>/desk/: review and intake routes from their modules.
The desk home itself belongs to the app above, which shows articles and incidents (config/urls.py)."""

from django.urls import include, path

from annotation.urls import intake, review

app_name = "annotation"

urlpatterns = [
    path("", include(review.urlpatterns)),
    path("intake/", include(intake.urlpatterns)),
]
