"""Downloads of public incidents: CSV in ACLED's columns, JSON and GeoJSON, streamed in chunks.

Rows are produced from a QuerySet iterator with its prefetches done chunk by chunk, so memory stays
flat whatever the size of the export.
"""

import csv
import json

from django.db.models import Prefetch
from django.http import StreamingHttpResponse

from annotation.models import Entity
from incidents.filters import filter_incidents
from incidents.models import CasualtyFigure, Incident, IncidentActor, IncidentSource
from incidents.taxonomy import COUNTRIES, INTER_CODES, disorder_type

ACLED_COLUMNS = [
    "event_id_cnty",
    "event_date",
    "year",
    "time_precision",
    "disorder_type",
    "event_type",
    "sub_event_type",
    "actor1",
    "assoc_actor_1",
    "inter1",
    "actor2",
    "assoc_actor_2",
    "inter2",
    "interaction",
    "civilian_targeting",
    "iso",
    "region",
    "country",
    "admin1",
    "admin2",
    "admin3",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "source",
    "source_scale",
    "notes",
    "fatalities",
    "tags",
    "timestamp",
]
CHUNK_SIZE = 2000
BOM = "\ufeff"
CIVILIAN_TARGET_SUB_EVENTS = {"Attack", "Abduction/forced disappearance"}

# What an export needs and nothing more: the article bodies and raw HTML are never loaded.
_INCIDENT_FIELDS = [f.name for f in Incident._meta.concrete_fields if f.name not in ("search_text", "review_comment")]


def export_queryset():
    """Public incidents with their actors, casualty figures and outlets, lean enough to stream."""
    return (
        Incident.objects.public()
        .select_related("place")
        .only(*_INCIDENT_FIELDS, "place__name_ar", "place__name_en", "place__admin3")
        .prefetch_related(
            Prefetch(
                "actors",
                queryset=IncidentActor.objects.select_related("entity")
                .only("incident_id", "role", "certainty", "entity__name_ar", "entity__name_en", "entity__actor_type")
                .order_by("role", "id"),
            ),
            Prefetch("casualties", queryset=CasualtyFigure.objects.order_by("category", "victim_class", "id")),
            Prefetch(
                "sources",
                queryset=IncidentSource.objects.select_related("article__source")
                .only(
                    "incident_id", "quote", "added_at", "article__url", "article__title", "article__published_at", "article__source__name"
                )
                .order_by("added_at", "id"),
            ),
        )
    )


def _name(entity):
    return entity.name_en or entity.name_ar


def _names(actors, role):
    return "; ".join(_name(a.entity) for a in actors if a.role == role)


def _inter(actors, role):
    for actor in actors:
        if actor.role == role:
            return INTER_CODES.get(actor.entity.actor_type, "")
    return ""


def interaction_code(inter1, inter2):
    """ACLED's interaction: the two actor codes, lower first (12); one actor alone gives 10, 20…"""
    codes = sorted(c for c in (inter1, inter2) if c)
    if len(codes) == 2:
        return f"{codes[0]}{codes[1]}"
    if codes:
        return f"{codes[0]}0"
    return ""


def is_civilian_targeting(incident, actors, figures):
    """ACLED's flag: an attack or abduction aimed at civilians, or civilians among the killed."""
    actor2_civilians = any(a.role == IncidentActor.Role.ACTOR2 and a.entity.actor_type == Entity.ActorType.CIVILIANS for a in actors)
    civilians_killed = any(
        f.category == CasualtyFigure.Category.KILLED and f.victim_class == CasualtyFigure.VictimClass.CIVILIANS and f.max_count > 0
        for f in figures
    )
    return (incident.sub_event_type in CIVILIAN_TARGET_SUB_EVENTS and actor2_civilians) or civilians_killed


def acled_row(incident):
    """One incident as a list of values in ACLED_COLUMNS order."""
    actors = list(incident.actors.all())
    figures = list(incident.casualties.all())
    sources = list(incident.sources.all())
    inter1 = _inter(actors, IncidentActor.Role.ACTOR1)
    inter2 = _inter(actors, IncidentActor.Role.ACTOR2)
    country = COUNTRIES.get(incident.country, ("", "", "", ""))
    place = incident.place
    outlets = list(dict.fromkeys(s.article.source.name for s in sources if s.article.source_id))
    tags = []
    if incident.status == Incident.Status.RETRACTED:
        tags.append("retracted")
    if incident.confidence != Incident.Confidence.CONFIRMED:
        tags.append(f"confidence={incident.confidence}")
    return [
        incident.code,
        incident.date_start.isoformat(),
        incident.date_start.year,
        incident.time_precision,
        disorder_type(incident.event_type),
        incident.event_type,
        incident.sub_event_type,
        _names(actors, IncidentActor.Role.ACTOR1),
        _names(actors, IncidentActor.Role.ASSOC1),
        inter1,
        _names(actors, IncidentActor.Role.ACTOR2),
        _names(actors, IncidentActor.Role.ASSOC2),
        inter2,
        interaction_code(inter1, inter2),
        "Civilian targeting" if is_civilian_targeting(incident, actors, figures) else "",
        country[3],
        country[2],
        country[0],
        incident.admin1,
        incident.admin2,
        place.admin3 if place else "",
        (place.name_en or place.name_ar) if place else incident.place_text,
        "" if incident.latitude is None else f"{incident.latitude:.4f}",
        "" if incident.longitude is None else f"{incident.longitude:.4f}",
        incident.geo_precision,
        "; ".join(outlets),
        "National" if outlets else "",
        incident.summary_en or incident.summary_ar,
        incident.fatalities,
        "; ".join(tags),
        int(incident.updated_at.timestamp()),
    ]


class _Echo:
    """A file-like object whose write returns the line, for csv.writer in a generator."""

    def write(self, value):
        return value


def csv_lines(queryset):
    """The CSV file as an iterator of strings: BOM and header first, then one line per incident."""
    writer = csv.writer(_Echo())
    yield BOM + writer.writerow(ACLED_COLUMNS)
    batch = []
    for incident in queryset.iterator(chunk_size=CHUNK_SIZE):
        batch.append(writer.writerow(acled_row(incident)))
        if len(batch) >= 500:
            yield "".join(batch)
            batch = []
    if batch:
        yield "".join(batch)


def incident_data(incident, *, url=""):
    """One public incident as plain data (JSON export, GeoJSON properties, API detail)."""
    place = incident.place
    return {
        "code": incident.code,
        "url": url,
        "status": incident.status,
        "title_ar": incident.title_ar,
        "title_en": incident.title_en,
        "summary_ar": incident.summary_ar,
        "summary_en": incident.summary_en,
        "disorder_type": disorder_type(incident.event_type),
        "event_type": incident.event_type,
        "sub_event_type": incident.sub_event_type,
        "date_start": incident.date_start.isoformat(),
        "date_end": incident.date_end.isoformat(),
        "time_precision": incident.time_precision,
        "date_text": incident.date_text,
        "country": incident.country,
        "admin1": incident.admin1,
        "admin2": incident.admin2,
        "place": {"id": place.pk, "name_ar": place.name_ar, "name_en": place.name_en} if place else None,
        "place_text": incident.place_text,
        "latitude": incident.latitude,
        "longitude": incident.longitude,
        "geo_precision": incident.geo_precision,
        "fatalities": incident.fatalities,
        "injured": incident.injured,
        "confidence": incident.confidence,
        "actors": [
            {
                "id": a.entity_id,
                "name_ar": a.entity.name_ar,
                "name_en": a.entity.name_en,
                "role": a.role,
                "certainty": a.certainty,
                "actor_type": a.entity.actor_type,
            }
            for a in incident.actors.all()
        ],
        "casualties": [
            {
                "category": f.category,
                "victim_class": f.victim_class,
                "min": f.min_count,
                "max": f.max_count,
                "qualifier": f.qualifier,
                "claimant": f.claimant,
            }
            for f in incident.casualties.all()
        ],
        "sources": [
            {
                "outlet": s.article.source.name if s.article.source_id else "",
                "url": s.article.url,
                "title": s.article.title,
                "published_on": s.article.published_at.isoformat() if s.article.published_at else None,
                "quote": s.quote,
            }
            for s in incident.sources.all()
        ],
        "published_at": incident.published_at.isoformat() if incident.published_at else None,
        "corrected_at": incident.corrected_at.isoformat() if incident.corrected_at else None,
        "correction_note": incident.correction_note,
        "retracted_at": incident.retracted_at.isoformat() if incident.retracted_at else None,
        "retraction_note": incident.retraction_note,
        "updated_at": incident.updated_at.isoformat(),
    }


def _limit(request, queryset):
    try:
        limit = int(request.GET.get("limit", 0))
    except ValueError:
        limit = 0
    return queryset[:limit] if limit > 0 else queryset


def _filtered(request):
    return _limit(request, filter_incidents(request.GET, export_queryset()).qs)


def _url_maker(request):
    return lambda incident: request.build_absolute_uri(incident.get_absolute_url())


def json_chunks(queryset, url_for):
    yield '{"incidents": ['
    first = True
    for incident in queryset.iterator(chunk_size=CHUNK_SIZE):
        yield ("" if first else ",\n") + json.dumps(incident_data(incident, url=url_for(incident)), ensure_ascii=False)
        first = False
    yield "]}\n"


def geojson_chunks(queryset, url_for):
    yield '{"type": "FeatureCollection", "features": ['
    first = True
    for incident in queryset.iterator(chunk_size=CHUNK_SIZE):
        geometry = None
        if incident.latitude is not None and incident.longitude is not None:
            geometry = {"type": "Point", "coordinates": [incident.longitude, incident.latitude]}
        feature = {
            "type": "Feature",
            "id": incident.code,
            "geometry": geometry,
            "properties": incident_data(incident, url=url_for(incident)),
        }
        yield ("" if first else ",\n") + json.dumps(feature, ensure_ascii=False)
        first = False
    yield "]}\n"


def _download(response, filename):
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Access-Control-Allow-Origin"] = "*"
    return response


def export_csv(request):
    response = StreamingHttpResponse(csv_lines(_filtered(request)), content_type="text/csv; charset=utf-8")
    return _download(response, "marsad-incidents.csv")


def export_json(request):
    response = StreamingHttpResponse(json_chunks(_filtered(request), _url_maker(request)), content_type="application/json")
    response["Access-Control-Allow-Origin"] = "*"
    return response


def export_geojson(request):
    response = StreamingHttpResponse(geojson_chunks(_filtered(request), _url_maker(request)), content_type="application/geo+json")
    response["Access-Control-Allow-Origin"] = "*"
    return response
