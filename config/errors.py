"""Error pages rendered in the visitor's language, without touching the database."""

from django.core.exceptions import RequestDataTooBig
from django.shortcuts import render
from django.urls import Resolver404, resolve
from django.views import defaults

from annotation.views.intake import too_big


def bad_request(request, exception):
    """A request too large to read on the intake page gets that page's own message (the CSRF check reads the
    body before the view runs, so the view cannot catch it itself); anything else is Django's 400."""
    if isinstance(exception, RequestDataTooBig) and getattr(request, "user", None) and request.user.has_perm("annotation.add_article"):
        try:
            match = resolve(request.path_info)
        except Resolver404:
            match = None
        if match is not None and match.view_name == "annotation:intake":
            return too_big(request)
    return defaults.bad_request(request, exception)


def page_not_found(request, exception):
    response = render(request, "404.html", status=404)
    response.own_page = True  # config.not_found leaves it as it is
    return response


def server_error(request):
    return render(request, "500.html", status=500)
