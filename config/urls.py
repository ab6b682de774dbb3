"""URL map. Pages live under a language prefix (/ar/, /en/); data addresses never do."""

from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from config import health

urlpatterns = [
    path("healthz", health.healthz, name="healthz"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("", include("incidents.urls.data")),
]

urlpatterns += i18n_patterns(
    path("admin/", admin.site.urls),
    path("accounts/login/", auth_views.LoginView.as_view(redirect_authenticated_user=True), name="login"),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("desk/", include("annotation.urls.desk")),
    path("desk/", include("incidents.urls.editor")),
    path("", include("incidents.urls.public")),
    prefix_default_language=True,
)

handler400 = "config.errors.bad_request"
handler404 = "config.errors.page_not_found"
handler500 = "config.errors.server_error"
