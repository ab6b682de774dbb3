"""Short-lived caching of public pages for anonymous readers.

Public pages carry nothing personal for anonymous readers (no CSRF token, no user menu), so the same
rendering serves everyone for a few seconds. Editors and reviewers always get fresh pages.
"""

from functools import wraps

from django.conf import settings
from django.views.decorators.cache import cache_page


def public_page(view):
    """Cache the view's GET responses for anonymous readers for MARSAD_PUBLIC_CACHE_SECONDS."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        seconds = settings.MARSAD_PUBLIC_CACHE_SECONDS
        if seconds <= 0 or request.method != "GET" or request.user.is_authenticated:
            return view(request, *args, **kwargs)
        return cache_page(seconds, key_prefix="public")(view)(request, *args, **kwargs)

    return wrapped
