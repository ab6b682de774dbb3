"""Downloads of public incidents: CSV in ACLED's columns, JSON and GeoJSON, streamed in chunks.

Rows are produced from a QuerySet iterator with its prefetches done chunk by chunk, so memory stays
flat whatever the size of the export.
"""

import csv
import functools
import json
import re

from django.db import connection
from django.http import HttpResponse, StreamingHttpResponse
from django.urls import reverse
from django.utils.translation import gettext as _

from annotation.models import Article, Entity, Source
from incidents import selectors
from incidents.models import ON_GLOBE, CasualtyFigure, ExportRow, Incident, IncidentActor, IncidentSource, point_on_globe
from incidents.selectors import public_incidents
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

# The columns a CSV row is made of, read as plain values: building model instances and per-row
# prefetch querysets costs ten times more than the database work for a large export.
_CSV_FIELDS = (
    "id",
    "code",
    "date_start",
    "time_precision",
    "event_type",
    "sub_event_type",
    "country",
    "admin1",
    "admin2",
    "place__admin3",
    "place__name_en",
    "place__name_ar",
    "place_text",
    "latitude",
    "longitude",
    "geo_precision",
    "summary_en",
    "summary_ar",
    "fatalities",
    "status",
    "confidence",
    "updated_at",
)


def interaction_code(inter1, inter2):
    """ACLED's interaction: the two actor codes, lower first (12); one actor alone gives 10, 20…"""
    codes = sorted(c for c in (inter1, inter2) if c)
    if len(codes) == 2:
        return f"{codes[0]}{codes[1]}"
    if codes:
        return f"{codes[0]}0"
    return ""


def is_civilian_targeting(sub_event_type, actors, figures):
    """ACLED's flag: an attack or abduction aimed at civilians, or civilians among the killed.

    actors: (role, name, actor_type) tuples; figures: (category, victim_class, max_count) tuples.
    """
    actor2_civilians = any(role == IncidentActor.Role.ACTOR2 and kind == Entity.ActorType.CIVILIANS for role, _n, kind in actors)
    civilians_killed = any(
        cat == CasualtyFigure.Category.KILLED and who == CasualtyFigure.VictimClass.CIVILIANS and high > 0 for cat, who, high in figures
    )
    return (sub_event_type in CIVILIAN_TARGET_SUB_EVENTS and actor2_civilians) or civilians_killed


def _by_role(actors):
    """{role: ([names], first actor's ACLED inter code)} in one pass over an incident's actors."""
    roles = {}
    for role, name, kind in actors:
        entry = roles.get(role)
        if entry is None:
            roles[role] = ([name], INTER_CODES.get(kind, ""))
        else:
            entry[0].append(name)
    return roles


_NO_ACTOR = ((), "")


def acled_row(row, actors=(), figures=(), outlets=()):
    """One incident (a dict of _CSV_FIELDS) as a list of values in ACLED_COLUMNS order."""
    roles = _by_role(actors)
    actor1, inter1 = roles.get(IncidentActor.Role.ACTOR1, _NO_ACTOR)
    actor2, inter2 = roles.get(IncidentActor.Role.ACTOR2, _NO_ACTOR)
    assoc1 = roles.get(IncidentActor.Role.ASSOC1, _NO_ACTOR)[0]
    assoc2 = roles.get(IncidentActor.Role.ASSOC2, _NO_ACTOR)[0]
    country = COUNTRIES.get(row["country"], ("", "", "", ""))
    tags = []
    if row["status"] == Incident.Status.RETRACTED:
        tags.append("retracted")
    if row["confidence"] != Incident.Confidence.CONFIRMED:
        tags.append(f"confidence={row['confidence']}")
    lat, lon = point_on_globe(row["latitude"], row["longitude"])
    return [
        row["code"],
        row["date_start"].isoformat(),
        row["date_start"].year,
        row["time_precision"],
        disorder_type(row["event_type"]),
        row["event_type"],
        row["sub_event_type"],
        "; ".join(actor1),
        "; ".join(assoc1),
        inter1,
        "; ".join(actor2),
        "; ".join(assoc2),
        inter2,
        interaction_code(inter1, inter2),
        "Civilian targeting" if is_civilian_targeting(row["sub_event_type"], actors, figures) else "",
        country[3],
        country[2],
        country[0],
        row["admin1"],
        row["admin2"],
        row["place__admin3"] or "",
        row["place__name_en"] or row["place__name_ar"] or row["place_text"],
        "" if lat is None else f"{lat:.4f}",
        "" if lon is None else f"{lon:.4f}",
        row["geo_precision"],
        "; ".join(outlets),
        "National" if outlets else "",
        row["summary_en"] or row["summary_ar"],
        row["fatalities"],
        "; ".join(tags),
        int(row["updated_at"].timestamp()),
    ]


def _grouped(rows):
    groups = {}
    for values in rows:
        groups.setdefault(values[0], []).append(values[1:])
    return groups


def _fetch_for(sql, ids):
    """Run `sql` (with an {ids} slot) for a chunk of incident ids; rows grouped by the first column.

    One array parameter on PostgreSQL instead of two thousand placeholders: binding that many
    parameters costs more than the query itself.
    """
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(sql.format(ids="= ANY(%s)"), [list(ids)])
        else:
            cursor.execute(sql.format(ids="IN (" + ",".join(["%s"] * len(ids)) + ")"), list(ids))
        return _grouped(cursor.fetchall())


# Table names come from the models and the ids are bound as parameters: nothing here is user input.
_ACTORS_SQL = (
    f"SELECT a.incident_id, a.role, COALESCE(NULLIF(e.name_en, ''), e.name_ar), e.actor_type "  # noqa: S608
    f"FROM {IncidentActor._meta.db_table} a JOIN {Entity._meta.db_table} e ON e.id = a.entity_id "
    "WHERE a.incident_id {ids} ORDER BY a.incident_id, a.role, a.id"
)
_FIGURES_SQL = f"SELECT incident_id, category, victim_class, max_count FROM {CasualtyFigure._meta.db_table} WHERE incident_id {{ids}}"  # noqa: S608
_OUTLETS_SQL = (
    f"SELECT s.incident_id, o.name FROM {IncidentSource._meta.db_table} s "  # noqa: S608
    f"JOIN {Article._meta.db_table} art ON art.id = s.article_id JOIN {Source._meta.db_table} o ON o.id = art.source_id "
    "WHERE s.incident_id {ids} ORDER BY s.incident_id, s.added_at, s.id"
)


def _csv_built(rows, writer):
    """{id: CSV line} for a chunk of incidents (dicts of _CSV_FIELDS): three queries for their actors,
    figures and outlets."""
    ids = [row["id"] for row in rows]
    actors = _fetch_for(_ACTORS_SQL, ids)
    figures = _fetch_for(_FIGURES_SQL, ids)
    outlets = _fetch_for(_OUTLETS_SQL, ids)
    lines = {}
    for row in rows:
        names = list(dict.fromkeys(name for (name,) in outlets.get(row["id"], ())))
        lines[row["id"]] = writer.writerow(spreadsheet_safe(acled_row(row, actors.get(row["id"], ()), figures.get(row["id"], ()), names)))
    return lines


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_FORMULA_CHARS = frozenset(_FORMULA_START)
_NUMBER = re.compile(r"-?\d+(\.\d+)?")


def spreadsheet_safe(cells):
    """Text cells that a spreadsheet would run as a formula (=, +, -, @ …) get a leading ' (CSV injection)."""
    return ["'" + cell if cell.__class__ is str and cell[:1] in _FORMULA_CHARS and not _NUMBER.fullmatch(cell) else cell for cell in cells]


class _Echo:
    """A file-like object whose write returns the line, for csv.writer in a generator."""

    def write(self, value):
        return value


def _stored_chunks(queryset, fields, columns):
    """Chunks of [(id, *values of `fields`, stored texts or None)] in the queryset's order; None where
    the incident has no stored row of its current version (never built, or changed since).

    The incidents are walked first (in the default order from the date index alone: it carries the
    version), then their stored rows are read by key, 2,000 at a time. A join would let PostgreSQL
    hash both tables and sort a whole-table export on disk before its first byte.
    """
    sql = f"SELECT incident_id, version, {', '.join(columns)} FROM {ExportRow._meta.db_table} WHERE incident_id {{ids}}"  # noqa: S608

    def flush(chunk):
        stored = _fetch_for(sql, [row[0] for row in chunk])
        out = []
        for pk, version, *values in chunk:
            found = stored.get(pk)
            out.append((pk, *values, found[0][1:] if found and found[0][0] == version else None))
        return out

    chunk = []
    for row in queryset.values_list("id", "version", *fields).iterator(chunk_size=CHUNK_SIZE):
        chunk.append(row)
        if len(chunk) >= CHUNK_SIZE:
            yield flush(chunk)
            chunk = []
    if chunk:
        yield flush(chunk)


def _missing(chunk):
    return [row[0] for row in chunk if row[-1] is None]


def csv_lines(queryset):
    """The CSV file as an iterator of strings: BOM and header first, then chunks of rows.

    queryset: public incidents, filtered and ordered (without prefetches). Each incident's line is
    read as stored for its version (incidents.stored_rows); the few without one are built here.
    """
    writer = csv.writer(_Echo())
    yield BOM + writer.writerow(ACLED_COLUMNS)
    for chunk in _stored_chunks(queryset, (), ("csv",)):
        missing = _missing(chunk)
        if not missing:
            yield "".join([texts[0] for _pk, texts in chunk])
            continue
        built = _csv_built(list(Incident.objects.filter(pk__in=missing).order_by().values(*_CSV_FIELDS)), writer)
        yield "".join([built.get(pk, "") if texts is None else texts[0] for pk, texts in chunk])


def _limit(request, queryset):
    try:
        limit = int(request.GET.get("limit", 0))
    except ValueError:
        limit = 0
    return queryset[:limit] if limit > 0 else queryset


def _public_filtered(request, *, located=False):
    """The public incidents the request's filters (and ?limit=) select, without prefetches;
    located=True keeps those with real coordinates (the map's points)."""
    queryset = public_incidents(request.GET).qs
    if located:
        queryset = queryset.filter(ON_GLOBE)
    if selectors.searched(request.GET):  # a search that contradicts the filters can scan every row
        queryset = selectors.within_time(queryset, selectors.SEARCH_TIMEOUT_MS)
    return _limit(request, queryset)


def too_slow_message():
    """What a reader is told when a search was stopped at its time limit (the list page says the same)."""
    return _("This search took too long and was stopped: check the spelling, or remove some filters.")


def too_slow_response():
    """503 with the plain message: what a download or the feed answers when its search was stopped."""
    return HttpResponse(too_slow_message(), status=503, content_type="text/plain; charset=utf-8")


def _bounded(view):
    """An export whose search ran past its time limit answers 503 with a plain message, before any byte."""

    @functools.wraps(view)
    def bounded_view(request):
        try:
            return view(request)
        except selectors.TooSlow:
            return too_slow_response()

    return bounded_view


# The full records of the JSON and GeoJSON exports, read as plain values chunk by chunk like the CSV.
RECORD_FIELDS = (
    "id",
    "code",
    "status",
    "title_ar",
    "title_en",
    "summary_ar",
    "summary_en",
    "event_type",
    "sub_event_type",
    "date_start",
    "date_end",
    "time_precision",
    "date_text",
    "country",
    "admin1",
    "admin2",
    "place_id",
    "place__name_ar",
    "place__name_en",
    "place_text",
    "latitude",
    "longitude",
    "geo_precision",
    "fatalities",
    "injured",
    "confidence",
    "published_at",
    "corrected_at",
    "correction_note",
    "retracted_at",
    "retraction_note",
    "updated_at",
)
_RECORD_ACTORS_SQL = (
    "SELECT a.incident_id, a.entity_id, e.name_ar, e.name_en, a.role, a.certainty, e.actor_type "  # noqa: S608
    f"FROM {IncidentActor._meta.db_table} a JOIN {Entity._meta.db_table} e ON e.id = a.entity_id "
    "WHERE a.incident_id {ids} ORDER BY a.incident_id, a.role, a.id"
)
_RECORD_FIGURES_SQL = (
    "SELECT incident_id, category, victim_class, min_count, max_count, qualifier, claimant "  # noqa: S608
    f"FROM {CasualtyFigure._meta.db_table} WHERE incident_id {{ids}} ORDER BY incident_id, category, victim_class, id"
)
_RECORD_SOURCES_SQL = (
    "SELECT s.incident_id, o.name, art.url, art.title, art.published_at, s.quote "  # noqa: S608
    f"FROM {IncidentSource._meta.db_table} s JOIN {Article._meta.db_table} art ON art.id = s.article_id "
    f"LEFT JOIN {Source._meta.db_table} o ON o.id = art.source_id "
    "WHERE s.incident_id {ids} ORDER BY s.incident_id, s.added_at, s.id"
)


def _iso(value):
    if value is None:
        return None
    if isinstance(value, str):  # SQLite hands raw SQL dates back as text
        return value
    return value.isoformat()


def _record(row, actors, figures, sources, url):
    """One public incident as plain data (JSON and GeoJSON exports, the API), from plain values."""
    return {
        "code": row["code"],
        "url": url,
        "status": row["status"],
        "title_ar": row["title_ar"],
        "title_en": row["title_en"],
        "summary_ar": row["summary_ar"],
        "summary_en": row["summary_en"],
        "disorder_type": disorder_type(row["event_type"]),
        "event_type": row["event_type"],
        "sub_event_type": row["sub_event_type"],
        "date_start": row["date_start"].isoformat(),
        "date_end": row["date_end"].isoformat(),
        "time_precision": row["time_precision"],
        "date_text": row["date_text"],
        "country": row["country"],
        "admin1": row["admin1"],
        "admin2": row["admin2"],
        "place": {"id": row["place_id"], "name_ar": row["place__name_ar"], "name_en": row["place__name_en"]} if row["place_id"] else None,
        "place_text": row["place_text"],
        "latitude": point_on_globe(row["latitude"], row["longitude"])[0],
        "longitude": point_on_globe(row["latitude"], row["longitude"])[1],
        "geo_precision": row["geo_precision"],
        "fatalities": row["fatalities"],
        "injured": row["injured"],
        "confidence": row["confidence"],
        "actors": [
            {"id": ent, "name_ar": ar, "name_en": en, "role": role, "certainty": certainty, "actor_type": kind}
            for ent, ar, en, role, certainty, kind in actors
        ],
        "casualties": [
            {"category": cat, "victim_class": who, "min": low, "max": high, "qualifier": qualifier, "claimant": claimant}
            for cat, who, low, high, qualifier, claimant in figures
        ],
        "sources": [
            {"outlet": outlet or "", "url": link, "title": title, "published_on": _iso(published), "quote": quote}
            for outlet, link, title, published, quote in sources
        ],
        "published_at": _iso(row["published_at"]),
        "corrected_at": _iso(row["corrected_at"]),
        "correction_note": row["correction_note"],
        "retracted_at": _iso(row["retracted_at"]),
        "retraction_note": row["retraction_note"],
        "updated_at": row["updated_at"].isoformat(),
    }


def records_built(rows, url_for_code):
    """{id: full record} for a chunk of incidents (dicts of RECORD_FIELDS), three queries."""
    ids = [row["id"] for row in rows]
    actors = _fetch_for(_RECORD_ACTORS_SQL, ids)
    figures = _fetch_for(_RECORD_FIGURES_SQL, ids)
    sources = _fetch_for(_RECORD_SOURCES_SQL, ids)
    return {
        row["id"]: _record(
            row, actors.get(row["id"], ()), figures.get(row["id"], ()), sources.get(row["id"], ()), url_for_code(row["code"])
        )
        for row in rows
    }


def incident_records(queryset, url_for_code):
    """Full incident records (dicts) for a filtered public QuerySet, four queries per chunk."""
    chunk = []

    def flush(rows):
        built = records_built(rows, url_for_code)
        for row in rows:
            yield built[row["id"]]

    for row in queryset.values(*RECORD_FIELDS).iterator(chunk_size=CHUNK_SIZE):
        chunk.append(row)
        if len(chunk) >= CHUNK_SIZE:
            yield from flush(chunk)
            chunk = []
    if chunk:
        yield from flush(chunk)


# A stored record keeps its address as this mark (the address depends on the request's host); the
# first occurrence in the JSON text is the "url" value, which comes second, after the incident's code.
URL_MARK = "\x01"
_URL_MARK_JSON = json.dumps(URL_MARK)


def _dumps(value):
    return json.dumps(value, ensure_ascii=False)


def _geometry(record):
    if record["latitude"] is None or record["longitude"] is None:
        return None
    return {"type": "Point", "coordinates": [record["longitude"], record["latitude"]]}


def _record_texts(queryset, url_for_code):
    """(code, record JSON, geometry JSON) per incident in the queryset's order, as stored for each
    incident's version (incidents.stored_rows); the few without one are built here."""
    for chunk in _stored_chunks(queryset, ("code",), ("record", "geometry")):
        missing = _missing(chunk)
        built = {}
        if missing:
            fields = Incident.objects.filter(pk__in=missing).order_by().values(*RECORD_FIELDS)
            built = {pk: (_dumps(record), _dumps(_geometry(record))) for pk, record in records_built(list(fields), url_for_code).items()}
        for pk, code, texts in chunk:
            if texts is not None:
                record, geometry = texts
                yield code, record.replace(_URL_MARK_JSON, _dumps(url_for_code(code)), 1), geometry
            elif pk in built:
                yield code, *built[pk]


def stored_texts(ids):
    """{id: (CSV line, record JSON with URL_MARK, geometry JSON)} for these incidents as they are now:
    what incidents.stored_rows keeps, built by the same code as the exports' own rows."""
    rows = list(Incident.objects.filter(pk__in=ids).order_by().values(*dict.fromkeys((*_CSV_FIELDS, *RECORD_FIELDS))))
    lines = _csv_built(rows, csv.writer(_Echo()))
    records = records_built(rows, lambda code: URL_MARK)
    return {pk: (lines[pk], _dumps(record), _dumps(_geometry(record))) for pk, record in records.items() if pk in lines}


def url_for_code(request):
    """Absolute incident addresses without a reverse() per row."""
    template = request.build_absolute_uri(reverse("incidents:detail", kwargs={"code": "CODE"}))
    return lambda code: template.replace("CODE", code)


def json_chunks(texts):
    """The JSON export from (code, record JSON, geometry JSON) triples (_record_texts)."""
    yield '{"incidents": ['
    first = True
    for _code, record, _geometry_text in texts:
        yield ("" if first else ",\n") + record
        first = False
    yield "]}\n"


def geojson_chunks(texts):
    """The GeoJSON export: each feature's text as json.dumps would write it, around the stored record."""
    yield '{"type": "FeatureCollection", "features": ['
    first = True
    for code, record, geometry in texts:
        feature = '{"type": "Feature", "id": ' + _dumps(code) + ', "geometry": ' + geometry + ', "properties": ' + record + "}"
        yield ("" if first else ",\n") + feature
        first = False
    yield "]}\n"


def _download(response, filename):
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Access-Control-Allow-Origin"] = "*"
    return response


@_bounded
def export_csv(request):
    response = StreamingHttpResponse(csv_lines(_public_filtered(request)), content_type="text/csv; charset=utf-8")
    return _download(response, "marsad-incidents.csv")


@_bounded
def export_json(request):
    texts = _record_texts(_public_filtered(request), url_for_code(request))
    response = StreamingHttpResponse(json_chunks(texts), content_type="application/json")
    response["Access-Control-Allow-Origin"] = "*"
    return response


_MAP_FIELDS = ("code", "title_ar", "title_en", "date_start", "fatalities", "sub_event_type", "latitude", "longitude")


def map_geojson_chunks(queryset, url_for_code):
    """Points for the map page: a few light properties per incident, read as plain values."""
    yield '{"type": "FeatureCollection", "features": ['
    first = True
    rows = queryset.values(*_MAP_FIELDS)
    for row in rows.iterator(chunk_size=CHUNK_SIZE):
        properties = {k: row[k] for k in _MAP_FIELDS[:-2]}
        properties["date_start"] = row["date_start"].isoformat()
        properties["url"] = url_for_code(row["code"])
        feature = {"type": "Feature", "id": row["code"], "geometry": {"type": "Point", "coordinates": [row["longitude"], row["latitude"]]}}
        feature["properties"] = properties
        yield ("" if first else ",\n") + json.dumps(feature, ensure_ascii=False)
        first = False
    yield "]}\n"


@_bounded
def export_geojson(request):
    if request.GET.get("properties") == "map":
        queryset = _public_filtered(request, located=True)
        detail = reverse("incidents:detail", kwargs={"code": "CODE"})
        chunks = map_geojson_chunks(queryset, lambda code: detail.replace("CODE", code))
        return StreamingHttpResponse(chunks, content_type="application/geo+json")
    texts = _record_texts(_public_filtered(request), url_for_code(request))
    response = StreamingHttpResponse(geojson_chunks(texts), content_type="application/geo+json")
    response["Access-Control-Allow-Origin"] = "*"
    return response
