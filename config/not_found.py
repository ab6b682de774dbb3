"""The app's own 404 page, in the reader's language, also in development (DEBUG=1), where Django would
otherwise answer with its English technical page."""

from django.conf import settings

from config.errors import page_not_found


class OwnNotFoundPageMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if (
            settings.DEBUG
            and response.status_code == 404
            and response.get("Content-Type", "").startswith("text/html")
            and not getattr(response, "own_page", False)
        ):
            return page_not_found(request, None)
        return response
