"""Public pages: the incident list, incident pages, places, actors, stats and the map.

Views are thin: filtering lives in filters.py, reads in selectors.py, charts in charts.py.
"""

from functools import cached_property

from django.conf import settings
from django.core.paginator import Page, Paginator
from django.db import connection
from django.http import Http404
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _

from incidents import charts, keyset, rows, selectors, stored_pages
from incidents.caching import public_page
from incidents.filters import FILTER_PARAMS
from incidents.taxonomy import EVENT_TYPE_LABELS

PAGE_SIZE = 25
MAX_PAGE_SIZE = 100


class ListPage(Page):
    """A page of list rows: numbered (`number`), or read from a position (`number` None; keyset
    pagination, incidents.keyset). `previous_cursor` and `next_cursor`, when set, are the seek links'
    positions: before the first row shown, after the last."""

    def __init__(self, object_list, number, paginator, *, previous_cursor=None, next_cursor=None):
        super().__init__(object_list, number, paginator)
        self.previous_cursor = previous_cursor
        self.next_cursor = next_cursor

    def has_next(self):
        return bool(self.next_cursor) or (self.number is not None and super().has_next())

    def has_previous(self):
        return bool(self.previous_cursor) or (self.number is not None and super().has_previous())


class CappedPaginator(Paginator):
    """Counts at most `cap` rows: the page says "more than 1,000" instead of counting 100k.

    The numbered pages end at the cap; past it the last numbered page links on by position
    (`seek`), so that every row stays reachable without counting or skipping the rows before it."""

    def __init__(self, object_list, per_page, *, cap=selectors.COUNT_CAP, **kwargs):
        super().__init__(object_list, per_page, **kwargs)
        self.cap = cap

    @cached_property
    def count(self):
        # Without ORDER BY the database may stop at the cap by whichever path is cheapest.
        return self.object_list.order_by()[: self.cap + 1].count()

    @cached_property
    def num_pages(self):
        hits = min(self.count, self.cap)
        return max(1, -(-hits // self.per_page))

    @property
    def capped(self):
        return self.count > self.cap

    def page(self, number):
        """A numbered page, its incidents read as list rows (incidents.rows.read; the count above
        reads ids alone). One row more than it shows is read, so that the last numbered page of a
        capped count knows whether rows follow it: then it links on by position."""
        number = self.validate_number(number)
        bottom = (number - 1) * self.per_page
        top = bottom + self.per_page
        if top + self.orphans >= self.count:
            top = self.count
        read = rows.read(selectors.page_of(self.object_list, bottom, top + 1))
        shown = read[: top - bottom]
        following = None
        if self.capped and number == self.num_pages and len(read) > len(shown):
            following = self._position(shown[-1])
        return ListPage(shown, number, self, next_cursor=following)

    def seek(self, cursor, *, backwards=False):
        """The page after the position `cursor` (or before it, `backwards`); the first page when
        fewer than a page's rows come before it. keyset.BadCursor for a cursor not written for this
        list's order."""
        values = keyset.decode(keyset.ordering_of(self.object_list), cursor)
        read_from = keyset.before if backwards else keyset.after
        read = rows.read(selectors.page_of(read_from(self.object_list, values), 0, self.per_page + 1))
        more = len(read) > self.per_page
        shown = read[: self.per_page]
        if backwards:
            if not more:
                return self.page(1)  # the start of the list: its first page
            shown.reverse()
            return ListPage(shown, None, self, previous_cursor=self._position(shown[0]), next_cursor=self._position(shown[-1]))
        previous = self._position(shown[0]) if shown else cursor
        return ListPage(shown, None, self, previous_cursor=previous, next_cursor=self._position(shown[-1]) if more else None)

    def _position(self, row):
        ordering = keyset.ordering_of(self.object_list)
        return keyset.encode(ordering, [getattr(row, name.lstrip("-")) for name in ordering])


def page_size_from(request):
    """The page size a reader asked for (?page_size=), between 1 and MAX_PAGE_SIZE."""
    try:
        size = int(request.GET.get("page_size", PAGE_SIZE))
    except ValueError:
        return PAGE_SIZE
    return max(1, min(size, MAX_PAGE_SIZE))


# Where a page starts: a page number, or a position (keyset pagination).
PAGE_PARAMS = ("page", "after", "before")


def filter_query(request, *, drop=PAGE_PARAMS):
    """The current filter state as a query string, without the page's start (for links)."""
    params = request.GET.copy()
    for key in drop:
        params.pop(key, None)
    for key in list(params):
        if not any(params.getlist(key)):
            params.pop(key)
    return params.urlencode()


def _paginate(request, queryset, *, seek=True):
    """The page the reader asked for: by position (?after=, ?before=: keyset pagination, past the
    numbered pages) or by number (?page=). A position not written for this order is ignored."""
    # A search's matches are counted row by row against the text: count fewer of them.
    cap = selectors.SEARCH_COUNT_CAP if request.GET.get("q", "").strip() else selectors.COUNT_CAP
    paginator = CappedPaginator(queryset, page_size_from(request), cap=cap)
    for name, backwards in (("after", False), ("before", True)):
        cursor = request.GET.get(name, "")
        if seek and cursor:
            try:
                return paginator.seek(cursor, backwards=backwards)
            except keyset.BadCursor:
                break
    return paginator.get_page(request.GET.get("page"))


@public_page
def incident_list(request):
    filterset = selectors.public_incidents(request.GET)
    filterset.form.fields["admin1"].widget.attrs["list"] = "governorates"
    governorates = selectors.governorates()
    searching = selectors.searched(request.GET)
    # A search combined with filters that contradict it can make the database read every row
    # (docs/scaling.md): its reads are bounded in time, and past the limit the reader is told so.
    page = _rows_page(request, filterset, governorates, limit_ms=selectors.SEARCH_TIMEOUT_MS if searching else None)
    too_slow = page is None
    if too_slow:
        page = _paginate(request, filterset.qs.none(), seek=False)
    fuzzy = False
    if searching and not too_slow and page.paginator.count == 0 and connection.vendor == "postgresql":
        # Nothing matched the words as typed: show similar spellings, and say so.
        fuzzy_set = selectors.public_incidents(request.GET, fuzzy=True)
        fuzzy_page = _rows_page(request, fuzzy_set, governorates, limit_ms=selectors.FUZZY_TIMEOUT_MS)
        too_slow = fuzzy_page is None
        if not too_slow and fuzzy_page.paginator.count:
            filterset, page, fuzzy = fuzzy_set, fuzzy_page, True
    query = filter_query(request)
    return render(
        request,
        "incidents/public/list.html",
        {
            "filter": filterset,
            "page": page,
            "fuzzy": fuzzy,
            "search_too_slow": too_slow,
            "query": query,
            "export_query": filter_query(request, drop=(*PAGE_PARAMS, "page_size")),
            "governorates": governorates,
            "active_filters": [k for k in FILTER_PARAMS if k != "sort" and request.GET.get(k)],
        },
    )


def _rows_page(request, filterset, governorates, *, limit_ms=None):
    """The requested page of the filtered rows, read (count and rows) within limit_ms if given;
    None when the database took longer."""
    try:
        with selectors.time_limit(limit_ms):
            page = _paginate(request, filterset.qs)
            _label_governorates(page, selectors.governorate_label_fn(governorates))
    except selectors.TooSlow:
        return None
    return page


def _label_governorates(page, label):
    """Give each listed incident its governorate's name in the reader's language."""
    for incident in page:
        incident.admin1_label = label(incident.admin1)


@public_page
def incident_detail(request, code):
    page = stored_pages.stored_page(code)
    if page is None:
        incident = selectors.incident_detail_get(code)
        if incident is None:
            target = selectors.incident_merged_target(code)
            if target is not None:
                # The address keeps working: a notice with the link (nothing of the merged record itself is shown).
                return render(request, "incidents/public/merged.html", {"code": code, "target": target})
            raise Http404(_("No public incident has this code."))
        page = stored_pages.store_page(incident)
    title, has_map, body = page
    page_url = request.build_absolute_uri(reverse("incidents:detail", kwargs={"code": code}))
    return render(
        request,
        "incidents/public/detail.html",
        {"title": title, "code": code, "has_map": has_map, "page_url": page_url, "body": stored_pages.served_body(body, page_url)},
    )


@public_page
def place_detail(request, pk):
    place = selectors.place_get(pk)
    if place is None:
        raise Http404(_("No public incident took place here."))
    incidents = selectors.incidents_for_place(place)
    page = _paginate(request, incidents)
    label = selectors.governorate_label_fn()
    _label_governorates(page, label)
    months = selectors.stats_by_month(incidents)
    map_point = {"lat": place.latitude, "lon": place.longitude, "label": place.display_name} if place.has_point else None
    return render(
        request,
        "incidents/public/place.html",
        {
            "place": place,
            "place_admin1": label(place.admin1),
            "page": page,
            "query": filter_query(request),
            "month_chart": charts.month_columns(months, label=_("Incidents by month")),
            "totals": _totals(months),
            "map_point": map_point,
            "map_tiles": settings.MARSAD_MAP_TILE_URL,
        },
    )


@public_page
def actor_detail(request, pk):
    actor = selectors.actor_get(pk)
    if actor is None:
        raise Http404(_("No public incident names this actor."))
    incidents = selectors.incidents_for_actor(actor)
    page = _paginate(request, incidents)
    label = selectors.governorate_label_fn()
    _label_governorates(page, label)
    months, by_governorate = selectors.stats_by_month_and_field(incidents, "admin1", limit=10)
    return render(
        request,
        "incidents/public/actor.html",
        {
            "actor": actor,
            "page": page,
            "query": filter_query(request),
            "month_chart": charts.month_columns(months, label=_("Incidents by month")),
            "totals": _totals(months),
            "by_governorate": charts.horizontal_bars(by_governorate, label_fn=label),
        },
    )


def _totals(months):
    return {"incidents": sum(r[1] for r in months), "fatalities": sum(r[2] for r in months)}


@public_page
def stats(request):
    filterset = selectors.public_incidents(request.GET)
    incidents = selectors.stats_source(filterset)
    months = selectors.stats_by_month(incidents)
    by_type = selectors.stats_by_field(incidents, "event_type")
    list_url = reverse("incidents:list")
    return render(
        request,
        "incidents/public/stats.html",
        {
            "filter": filterset,
            "query": filter_query(request),
            "months": months,
            "totals": _totals(months),
            "incidents_chart": charts.month_columns(months, value_index=1, label=_("Incidents by month")),
            "fatalities_chart": charts.month_columns(months, value_index=2, label=_("Fatalities by month")),
            "by_type": charts.horizontal_bars(
                by_type,
                label_fn=lambda v: EVENT_TYPE_LABELS.get(v, v),
                link_fn=lambda v: f"{list_url}?event_type={v}",
            ),
            "by_type_fatalities": charts.horizontal_bars(
                sorted(by_type, key=lambda row: -row[2]), value_index=2, label_fn=lambda v: EVENT_TYPE_LABELS.get(v, v)
            ),
            "by_governorate": charts.horizontal_bars(
                selectors.stats_by_field(incidents, "admin1", limit=20),
                label_fn=selectors.governorate_label_fn(),
                link_fn=lambda v: f"{list_url}?admin1={v}",
            ),
        },
    )


@public_page
def incident_map(request):
    filterset = selectors.public_incidents(request.GET)
    return render(
        request,
        "incidents/public/map.html",
        {
            "filter": filterset,
            "query": filter_query(request, drop=(*PAGE_PARAMS, "page_size")),
            "map_tiles": settings.MARSAD_MAP_TILE_URL,
        },
    )


@public_page
def about(request):
    return render(request, "incidents/public/about.html")
