"""Login throttling: django-axes locks a user name from one address after repeated failures; this handler also
counts the failures from one address across user names, so spraying one password over many accounts is slowed."""

from axes.handlers.database import AxesDatabaseHandler
from axes.helpers import get_failure_limit
from axes.models import AccessAttempt
from django.conf import settings
from django.db.models import Sum


class AddressThrottleHandler(AxesDatabaseHandler):
    def get_failures(self, request, credentials=None) -> int:
        """The failures that count towards a lockout: the pair's own, or the address's over all user names
        scaled so that MARSAD_LOGIN_ADDRESS_FAILURE_LIMIT of them reach the lockout limit."""
        pair = super().get_failures(request, credentials)
        address = getattr(request, "axes_ip_address", None)
        if not address:
            return pair
        total = AccessAttempt.objects.filter(ip_address=address).aggregate(n=Sum("failures_since_start"))["n"] or 0
        limit = get_failure_limit(request, credentials)
        return max(pair, total * limit // max(settings.MARSAD_LOGIN_ADDRESS_FAILURE_LIMIT, 1))
