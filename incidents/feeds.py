"""Atom feed of newly published and corrected incidents; the list's filters narrow it."""

from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _

from incidents import selectors
from incidents.exports import too_slow_response
from incidents.selectors import public_incidents

FEED_SIZE = 50


class IncidentFeed(Feed):
    feed_type = Atom1Feed

    def __call__(self, request, *args, **kwargs):
        try:
            return super().__call__(request, *args, **kwargs)
        except selectors.TooSlow:  # a search stopped at its time limit
            return too_slow_response()

    def get_object(self, request, *args, **kwargs):
        return request.GET.copy()

    def title(self, params):
        return _("Marsad: published incidents")

    def subtitle(self, params):
        return _("Newly published and corrected incidents, verified by two editors.")

    def link(self, params):
        query = params.urlencode()
        return reverse("incidents:list") + (f"?{query}" if query else "")

    def items(self, params):
        params = params.copy()
        params.pop("sort", None)
        # Newest activity first: a correction brings an incident back to the top of the feed.
        queryset = public_incidents(params).qs.defer("search_text", "search_vector")
        queryset = queryset.order_by("-updated_at", "-id")[:FEED_SIZE]
        if not selectors.searched(params):
            return queryset
        with selectors.time_limit(selectors.SEARCH_TIMEOUT_MS):
            return list(queryset)

    def item_title(self, item):
        title = item.title
        if item.status == item.Status.RETRACTED:
            return _("Retracted: %(title)s") % {"title": title}
        if item.corrected_at:
            return _("Corrected: %(title)s") % {"title": title}
        return title

    def item_description(self, item):
        parts = [item.summary]
        if item.correction_note and item.correction_approved_by_id:
            parts.append(_("Correction, proposed by one editor and approved by another: %(note)s") % {"note": item.correction_note})
        elif item.correction_note:
            parts.append(_("Correction: %(note)s") % {"note": item.correction_note})
        if item.retraction_note:
            parts.append(_("Retraction notice: %(note)s") % {"note": item.retraction_note})
        return "\n\n".join(p for p in parts if p)

    def item_guid(self, item):
        return item.code

    item_guid_is_permalink = False

    def item_pubdate(self, item):
        return item.published_at

    def item_updateddate(self, item):
        return item.retracted_at or item.corrected_at or item.published_at

    def item_categories(self, item):
        return [item.event_type, item.sub_event_type]
