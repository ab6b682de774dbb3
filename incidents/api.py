"""The read-only JSON API (django-ninja) under /api/v1/, documented at /api/v1/openapi.json.

It serves public incidents only and takes the same filter parameters as the incident list.
"""

import datetime
import hashlib

from django.conf import settings
from django.core.cache import cache
from django.http import Http404, HttpResponseRedirect
from django.urls import reverse
from ninja import NinjaAPI, Query, Schema

from incidents import selectors
from incidents.exports import export_queryset, incident_data
from incidents.filters import filter_incidents

MAX_PAGE_SIZE = 100

api = NinjaAPI(
    title="Marsad API",
    version="1",
    description="Published incidents from Arabic news, verified by two editors. Read-only.",
    urls_namespace="data:api",  # included from incidents.urls.data, whose namespace is "data"
    docs_url=None,  # the interactive docs page would load assets from a CDN; the schema is enough
)


class IncidentFilters(Schema):
    q: str | None = None
    date_from: datetime.date | None = None
    date_to: datetime.date | None = None
    country: str | None = None
    admin1: str | None = None
    place: int | None = None
    event_type: str | None = None
    sub_event_type: str | None = None
    actor: int | None = None
    min_killed: int | None = None
    confidence: str | None = None
    sort: str | None = None


class Paging(Schema):
    page: int = 1
    page_size: int = 25


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


class IncidentPage(Schema):
    count: int
    page: int
    page_size: int
    next: str | None
    previous: str | None
    results: list[IncidentOut]


class EntityCount(Schema):
    id: int
    name_ar: str
    name_en: str
    incident_count: int


class PlaceOut(EntityCount):
    latitude: float | None
    longitude: float | None
    admin1: str
    country: str


class ActorSummaryOut(EntityCount):
    actor_type: str


class EntityPage(Schema):
    count: int
    page: int
    page_size: int
    next: str | None
    previous: str | None


class PlacePage(EntityPage):
    results: list[PlaceOut]


class ActorPage(EntityPage):
    results: list[ActorSummaryOut]


def _count(queryset):
    """The total for a filter, remembered as long as public pages are cached: counting 100k rows dominates a page."""
    seconds = settings.MARSAD_PUBLIC_CACHE_SECONDS
    if seconds <= 0:
        return queryset.count()
    key = "api-count:" + hashlib.sha256(str(queryset.query).encode()).hexdigest()
    return cache.get_or_set(key, queryset.count, seconds)


MAX_PAGE = 1_000_000


def _page(request, queryset, paging):
    """One page of a QuerySet with its total and links to the neighbouring pages."""
    size = max(1, min(paging.page_size, MAX_PAGE_SIZE))
    number = max(1, min(paging.page, MAX_PAGE))  # a page number beyond 64 bits must not reach the database
    count = _count(queryset)
    items = list(queryset[(number - 1) * size : number * size])

    def link(n):
        params = request.GET.copy()
        params["page"] = n
        params["page_size"] = size
        return request.build_absolute_uri(f"{request.path}?{params.urlencode()}")

    return {
        "count": count,
        "page": number,
        "page_size": size,
        "next": link(number + 1) if number * size < count else None,
        "previous": link(number - 1) if number > 1 else None,
        "items": items,
    }


def _url(request, incident):
    return request.build_absolute_uri(incident.get_absolute_url())


@api.get("/incidents", response=IncidentPage, url_name="list_incidents", summary="List public incidents")
def list_incidents(request, filters: Query[IncidentFilters], paging: Query[Paging]):
    """Published and retracted incidents, newest first; same filter parameters as the list page."""
    queryset = filter_incidents(request.GET, export_queryset()).qs
    page = _page(request, queryset, paging)
    page["results"] = [incident_data(i, url=_url(request, i)) for i in page.pop("items")]
    return page


@api.get("/incidents/{code}", response=IncidentOut, url_name="incident_detail", summary="One public incident")
def incident_detail(request, code: str):
    incident = export_queryset().filter(code=code).first() if selectors.looks_like_code(code) else None
    if incident is None:
        target = selectors.incident_merged_target(code)
        if target is not None:
            return HttpResponseRedirect(reverse("data:api:incident_detail", kwargs={"code": target.code}))
        raise Http404("No public incident has this code.")
    return incident_data(incident, url=_url(request, incident))


@api.get("/places", response=PlacePage, url_name="list_places", summary="Places with public incidents")
def list_places(request, paging: Query[Paging]):
    queryset = selectors.public_places().values("id", "name_ar", "name_en", "incident_count", "latitude", "longitude", "admin1", "country")
    page = _page(request, queryset, paging)
    page["results"] = page.pop("items")
    return page


@api.get("/actors", response=ActorPage, url_name="list_actors", summary="Actors named in public incidents")
def list_actors(request, paging: Query[Paging]):
    queryset = selectors.public_actors().values("id", "name_ar", "name_en", "incident_count", "actor_type")
    page = _page(request, queryset, paging)
    page["results"] = page.pop("items")
    return page
