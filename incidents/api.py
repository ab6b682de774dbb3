"""The read-only JSON API (django-ninja) under /api/v1/, documented at /api/v1/openapi.json.

It serves public incidents only and takes the same filter parameters as the incident list.
"""

import datetime
import hashlib

import django_filters
from django.conf import settings
from django.core.cache import cache
from django.db.models import Sum
from django.http import Http404, HttpResponseRedirect
from django.urls import reverse
from ninja import NinjaAPI, Query, Schema
from ninja.pagination import PaginationBase, paginate
from pydantic import create_model

from incidents import keyset, selectors
from incidents.exports import RECORD_FIELDS, incident_records, records_built, too_slow_message, url_for_code
from incidents.filters import IncidentFilter
from incidents.models import PublicTally

MAX_PAGE_SIZE = 100

api = NinjaAPI(
    title="Marsad API",
    version="1",
    description="Published incidents from Arabic news, verified by two editors. Read-only.",
    urls_namespace="data:api",  # included from incidents.urls.data, whose namespace is "data"
    docs_url=None,  # the interactive docs page would load assets from a CDN; the schema is enough
)


def _filter_schema():
    """The list's query parameters, read off the FilterSet (defined once, in incidents.filters)."""
    types = {django_filters.DateFilter: datetime.date, django_filters.NumberFilter: int}
    fields = {name: (types.get(type(f), str) | None, None) for name, f in IncidentFilter.base_filters.items()}
    return create_model("IncidentFilters", __base__=Schema, **fields)


IncidentFilters = _filter_schema()


class PlaceRef(Schema):
    id: int
    name_ar: str
    name_en: str


class ActorOut(Schema):
    id: int
    name_ar: str
    name_en: str
    role: str
    certainty: str
    actor_type: str


class CasualtyOut(Schema):
    category: str
    victim_class: str
    min: int
    max: int
    qualifier: str
    claimant: str


class SourceOut(Schema):
    outlet: str
    url: str
    title: str
    published_on: str | None
    quote: str


class IncidentOut(Schema):
    code: str
    url: str
    status: str
    title_ar: str
    title_en: str
    summary_ar: str
    summary_en: str
    disorder_type: str
    event_type: str
    sub_event_type: str
    date_start: str
    date_end: str
    time_precision: int
    date_text: str
    country: str
    admin1: str
    admin2: str
    place: PlaceRef | None
    place_text: str
    latitude: float | None
    longitude: float | None
    geo_precision: int
    fatalities: int
    injured: int
    confidence: str
    actors: list[ActorOut]
    casualties: list[CasualtyOut]
    sources: list[SourceOut]
    published_at: str | None
    corrected_at: str | None
    correction_note: str
    retracted_at: str | None
    retraction_note: str
    updated_at: str


class EntityCount(Schema):
    id: int
    name_ar: str
    name_en: str
    incident_count: int


@api.exception_handler(selectors.TooSlow)
def search_too_slow(request, error):
    """A search stopped at its time limit: 503 with the reason in the error body."""
    return api.create_response(request, {"detail": too_slow_message()}, status=503)


class PlaceOut(EntityCount):
    latitude: float | None
    longitude: float | None
    admin1: str
    country: str


class ActorSummaryOut(EntityCount):
    actor_type: str


def _count(queryset):
    """The total for a filter, remembered as long as public pages are cached: counting 100k rows dominates a page."""
    seconds = settings.MARSAD_PUBLIC_CACHE_SECONDS
    if seconds <= 0:
        return queryset.count()
    key = "api-count:" + hashlib.sha256(str(queryset.query).encode()).hexdigest()
    return cache.get_or_set(key, queryset.count, seconds)


MAX_PAGE = 1_000_000


@api.exception_handler(keyset.BadCursor)
def bad_cursor(request, error):
    return api.create_response(request, {"detail": "Invalid ?after= cursor: use the one in the previous response's next link."}, status=400)


def _cursor(ordering, row):
    """The position after `row` (a dict of RECORD_FIELDS) in this ordering, as an opaque URL-safe text."""
    return keyset.encode(ordering, [row[name.lstrip("-")] for name in ordering])


def _after(queryset, cursor):
    """The rows after the cursor's position, in the queryset's order (keyset, or seek, pagination:
    incidents.keyset)."""
    return keyset.after(queryset, keyset.decode(keyset.ordering_of(queryset), cursor))


class Pages(PaginationBase):
    """django-ninja pagination by page number, with the total and links to the neighbouring pages
    (the response: count, count_exact, page, page_size, next, previous, results).

    ?after=<cursor> (the next link past the numbered pages, and on request) reads the page after a
    position instead of a page number: page is then null and there is no previous link.
    A search's count stops at selectors.COUNT_CAP (count_exact false), like the list page's."""

    class Input(Schema):
        page: int = 1
        page_size: int = 25
        after: str | None = None

    class Output(Schema):
        count: int
        count_exact: bool
        page: int | None
        page_size: int
        next: str | None
        previous: str | None
        results: list

    items_attribute = "results"

    def paginate_queryset(self, queryset, pagination, request, **params):
        size = max(1, min(pagination.page_size, MAX_PAGE_SIZE))
        number = max(1, min(pagination.page, MAX_PAGE))  # a page number beyond 64 bits must not reach the database
        after = pagination.after
        exact = True
        if isinstance(queryset, Records):
            # A search's page and its capped count are read within the list's time limit, else
            # TooSlow (503): a search that contradicts the filters is planned as a scan of every row.
            with selectors.time_limit(queryset.limit_ms):
                results = queryset.after(after, size) if after else queryset[(number - 1) * size : number * size]
                count, exact = queryset.total()
        else:
            count = _count(queryset)
            results = queryset[(number - 1) * size : number * size]

        def link(**changes):
            query = request.GET.copy()
            for name in ("page", "after"):
                query.pop(name, None)
            query.update(changes)
            query["page_size"] = size
            return request.build_absolute_uri(f"{request.path}?{query.urlencode()}")

        full = isinstance(queryset, Records) and len(results) == size
        if after:
            following = link(after=queryset.cursor) if full else None
        elif number * size < count:
            following = link(page=number + 1)
        else:  # past a capped count, the pages go on by position
            following = link(after=queryset.cursor) if full and not exact else None
        return {
            "count": count,
            "count_exact": exact,
            "page": None if after else number,
            "page_size": size,
            "next": following,
            "previous": link(page=number - 1) if number > 1 and not after else None,
            "results": results,
        }


class Records:
    """The reader's filtered public incidents, paged as full incident records (the exports' path,
    four queries per page whatever its size): what the paginator counts and slices."""

    def __init__(self, filterset, request):
        self.filterset = filterset
        self.queryset = filterset.qs
        self.url_for_code = url_for_code(request)
        self.searched = selectors.searched(request.GET)
        self.limit_ms = selectors.SEARCH_TIMEOUT_MS if self.searched else None
        self.cursor = None

    def total(self):
        """(count, exact): summed from the stats tallies when the filters are ones they are kept by
        (a count of every public incident reads them all); for a search, counted up to
        selectors.COUNT_CAP (a broad search's exact count read 90,000 rows at 1M: 4.7 s); else counted."""
        tallies = selectors.stats_source(self.filterset)
        if tallies.model is PublicTally:
            return tallies.aggregate(n=Sum("incidents"))["n"] or 0, True
        if self.searched:
            count = self.queryset.order_by()[: selectors.COUNT_CAP + 1].count()
            return min(count, selectors.COUNT_CAP), count <= selectors.COUNT_CAP
        return _count(self.queryset), True

    def _read(self, queryset):
        rows = list(queryset.values(*RECORD_FIELDS))
        built = records_built(rows, self.url_for_code) if rows else {}
        if rows:
            self.cursor = _cursor(list(self.queryset.query.order_by), rows[-1])
        return [built[row["id"]] for row in rows]

    def __getitem__(self, window):
        return self._read(self.queryset[window])

    def after(self, cursor, size):
        return self._read(_after(self.queryset, cursor)[:size])


@api.get("/incidents", response=list[IncidentOut], url_name="list_incidents", summary="List public incidents")
@paginate(Pages)
def list_incidents(request, filters: Query[IncidentFilters]):
    """Published and retracted incidents, newest first; same filter parameters as the list page."""
    return Records(selectors.public_incidents(request.GET), request)


@api.get("/incidents/{code}", response=IncidentOut, url_name="incident_detail", summary="One public incident")
def incident_detail(request, code: str):
    found = selectors.public_incidents().qs.filter(code=code) if selectors.looks_like_code(code) else None
    record = next(incident_records(found, url_for_code(request)), None) if found is not None else None
    if record is None:
        target = selectors.incident_merged_target(code)
        if target is not None:
            return HttpResponseRedirect(reverse("data:api:incident_detail", kwargs={"code": target.code}))
        raise Http404("No public incident has this code.")
    return record


@api.get("/places", response=list[PlaceOut], url_name="list_places", summary="Places with public incidents")
@paginate(Pages)
def list_places(request):
    return selectors.public_places().values("id", "name_ar", "name_en", "incident_count", "latitude", "longitude", "admin1", "country")


@api.get("/actors", response=list[ActorSummaryOut], url_name="list_actors", summary="Actors named in public incidents")
@paginate(Pages)
def list_actors(request):
    return selectors.public_actors().values("id", "name_ar", "name_en", "incident_count", "actor_type")
