"""Annotation's views: review.py (the review screen) and intake.py (articles in)."""

from django.conf import settings
from django.shortcuts import resolve_url


def desk_home_url() -> str:
    """Where editors return after a review or an import: the desk home, which the app above serves
    (``LOGIN_REDIRECT_URL`` in config; annotation does not name the apps that use it)."""
    return resolve_url(settings.LOGIN_REDIRECT_URL)
