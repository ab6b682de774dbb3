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

from incidents import selectors
from incidents.exports import incident_records, too_slow_message, url_for_code
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


class Pages(PaginationBase):
    """django-ninja pagination by page number, with the total and links to the neighbouring pages
    (the response: count, page, page_size, next, previous, results)."""

    class Input(Schema):
        page: int = 1
        page_size: int = 25

    class Output(Schema):
        count: int
        page: int
        page_size: int
        next: str | None
        previous: str | None
        results: list

    items_attribute = "results"

    def paginate_queryset(self, queryset, pagination, request, **params):
        size = max(1, min(pagination.page_size, MAX_PAGE_SIZE))
        number = max(1, min(pagination.page, MAX_PAGE))  # a page number beyond 64 bits must not reach the database
        if isinstance(queryset, Records):
            # A search's page is read within the list's time limit, else TooSlow (503): a search
            # that contradicts the filters is planned as a scan of every row. The exact count of a
            # broad search is slow but legitimate, and remembered (docs/scaling.md): not bounded.
            with selectors.time_limit(queryset.limit_ms):
                results = queryset[(number - 1) * size : number * size]
            count = queryset.total()
        else:
            count = _count(queryset)
            results = queryset[(number - 1) * size : number * size]

        def link(n):
            query = request.GET.copy()
            query["page"] = n
            query["page_size"] = size
            return request.build_absolute_uri(f"{request.path}?{query.urlencode()}")

        return {
            "count": count,
            "page": number,
            "page_size": size,
            "next": link(number + 1) if number * size < count else None,
            "previous": link(number - 1) if number > 1 else None,
            "results": results,
        }


class Records:
    """The reader's filtered public incidents, paged as full incident records (the exports' path,
    four queries per page whatever its size): what the paginator counts and slices."""

    def __init__(self, filterset, request):
        self.filterset = filterset
        self.queryset = filterset.qs
        self.url_for_code = url_for_code(request)
        self.limit_ms = selectors.SEARCH_TIMEOUT_MS if selectors.searched(request.GET) else None

    def total(self):
        """The exact total: summed from the stats tallies when the filters are ones they are kept
        by (a count of every public incident reads them all), else counted."""
        tallies = selectors.stats_source(self.filterset)
        if tallies.model is PublicTally:
            return tallies.aggregate(n=Sum("incidents"))["n"] or 0
        return _count(self.queryset)

    def __getitem__(self, window):
        return list(incident_records(self.queryset[window], self.url_for_code))


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
