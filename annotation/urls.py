"""The editors' desk. Intake and review keep their routes in their own modules."""

from django.urls import include, path

from annotation import urls_intake, urls_review

app_name = "annotation"

urlpatterns = [
    path("", include(urls_review.urlpatterns)),
    path("intake/", include(urls_intake.urlpatterns)),
]
