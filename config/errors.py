"""Error pages rendered in the visitor's language, without touching the database."""

from django.shortcuts import render


def page_not_found(request, exception):
    response = render(request, "404.html", status=404)
    response.own_page = True  # config.not_found leaves it as it is
    return response


def server_error(request):
    return render(request, "500.html", status=500)
