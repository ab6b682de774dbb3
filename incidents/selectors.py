"""Reads for the public site: what readers may see, loaded in a constant number of queries."""

import datetime
import re
from contextlib import contextmanager

from django.db import OperationalError, connection, transaction
from django.db.models import Count, Exists, F, OuterRef, Prefetch, Sum
from django.db.models.functions import Coalesce, TruncMonth
from django.utils.translation import get_language

from annotation.areas import governorate_label
from annotation.models import Entity
from incidents.filters import IncidentFilter
from incidents.models import CasualtyFigure, HistoryAction, Incident, IncidentActor, IncidentSource, PublicTally

_PUBLIC = [Incident.Status.PUBLISHED, Incident.Status.RETRACTED]

# A count over a large filtered result is the slowest part of a list page (it reads every
# matching row): count at most this many and say "more than" beyond it. Readers who need more
# narrow the filters or download the data; nobody pages through hundreds of pages.
COUNT_CAP = 1_000
SEARCH_COUNT_CAP = 200

# A list search reads at most this long. A search with filters that contradict it (Syria and an
# Iraqi governorate's name) can be planned as a scan of every row: 7.7 s at a million rows for the
# words as typed, 326 s for the misspelling fallback (trigram word similarity, ~0.4 ms per row it
# compares). Past the limit the reader is told the search took too long (docs/scaling.md).
SEARCH_TIMEOUT_MS = 2_000
FUZZY_TIMEOUT_MS = 1_500


class TooSlow(Exception):
    """A bounded read ran out of time (its queries were cancelled by the database)."""


@contextmanager
def time_limit(milliseconds):
    """Run the reads inside within `milliseconds` on PostgreSQL, or raise TooSlow (no limit on SQLite
    or when `milliseconds` is None).

    The limit is a transaction-local statement_timeout, restored on the way out, so the rest of the
    request runs unbounded; the reads must be evaluated inside the block.
    """
    if milliseconds is None or connection.vendor != "postgresql":
        yield
        return
    # Outside a transaction (a request, in autocommit) the limit ends with the block's own
    # transaction: one query. Inside one, it would outlive the block: read it first and restore it.
    outermost = not connection.in_atomic_block
    try:
        with transaction.atomic():
            with connection.cursor() as cursor:
                if outermost:
                    cursor.execute("SELECT set_config('statement_timeout', %s, true)", [f"{int(milliseconds)}ms"])
                else:
                    cursor.execute(
                        "SELECT current_setting('statement_timeout'), set_config('statement_timeout', %s, true)", [f"{int(milliseconds)}ms"]
                    )
                    before = cursor.fetchone()[0]
            yield
            if not outermost:
                with connection.cursor() as cursor:
                    cursor.execute("SELECT set_config('statement_timeout', %s, true)", [before])
    except OperationalError as error:
        if getattr(error.__cause__, "sqlstate", None) == "57014":  # query_canceled
            raise TooSlow from error
        raise


# A search read by an export, the API or the feed: the first rows of it are selected within the
# list's limit before anything is sent (exports stream after their view has returned).
SEARCH_PROBE_ROWS = 200


def searched(params):
    """Whether the reader's filters carry search words (the reads a time limit is for)."""
    return bool(params.get("q", "").strip())


def within_time(queryset, milliseconds, *, rows=SEARCH_PROBE_ROWS):
    """`queryset`, its first `rows` matches selected within `milliseconds` first (or TooSlow).

    When fewer match, they are all there is: the QuerySet returned reads just those by primary key,
    so the export that streams it later cannot scan the table. Otherwise the matches are frequent
    enough to be found quickly and it is returned as it is. On SQLite or without a limit, unchanged.
    """
    if milliseconds is None or connection.vendor != "postgresql":
        return queryset
    with time_limit(milliseconds):
        ids = list(queryset.values_list("pk", flat=True)[:rows])
    return queryset.filter(pk__in=ids) if len(ids) < rows else queryset


def public_incidents(params=None, *, fuzzy=False):
    """The one read of public incidents: published and retracted ones, narrowed by the reader's
    filters (the query string, through incidents.filters.IncidentFilter) and ordered.

    Returns the bound FilterSet: `.qs` is the QuerySet, `.form` the filter form a page shows. The list,
    map, stats, place and actor pages, the exports, the feed and the API all read through here; each
    then shapes the rows it needs (`list_rows`, or `.values()` for the exports and the API).
    A value that does not validate is ignored.
    """
    return IncidentFilter(params if params is not None else {}, queryset=Incident.objects.public(), fuzzy=fuzzy)


# What a list row shows of an incident (incidents.rows.Row names them in this order): plain values,
# not model instances. Building 25 incidents, their places and their actors as models cost more
# CPU than the rest of the page (≈ 140 instances, each with its signals and related managers).
LIST_ROW_FIELDS = (
    "id",
    "code",
    "status",
    "title_ar",
    "title_en",
    "place_id",
    "place__name_ar",
    "place__name_en",
    "place_text",
    "admin1",
    "time_precision",
    "date_start",
    "date_end",
    "sub_event_type",
    "fatalities",
    "updated_at",  # not shown: with date_start, id and fatalities, the position a page's seek links hold
)


def list_rows(queryset):
    """What list rows show of these incidents, as tuples of LIST_ROW_FIELDS (one query, the place's
    names joined in); incidents.rows.read makes a page of them rows, with `list_row_actors`."""
    return queryset.values_list(*LIST_ROW_FIELDS)


def page_of(queryset, start, stop):
    """The incidents of `queryset[start:stop]`, in its order, read in two steps of one query: the ids
    of the window first, then only those rows. The ids come from the walk along the ordering's index,
    which carries the dates and ids (`incident_public_date`, `incident_public_cover`), so the rows
    skipped or only tested on the way (a deep page's first 975, an actor's other incidents) are never
    read from the wide table; without this, each of them was (docs/scaling.md)."""
    window = queryset.values("pk")[start:stop]
    return queryset.model.objects.filter(pk__in=window).order_by(*queryset.query.order_by)


def list_row_actors(incident_ids):
    """(incident id, role, entity id, Arabic name, English name) of the incidents' actors, in
    each incident's role order (one query)."""
    return (
        IncidentActor.objects.filter(incident_id__in=incident_ids)
        .order_by("incident_id", "role", "id")
        .values_list("incident_id", "role", "entity_id", "entity__name_ar", "entity__name_en")
    )


_CODE = re.compile(r"[A-Za-z0-9-]{1,24}")


def looks_like_code(code):
    """Whether ``code`` can be a public code at all: a crafted one (a NUL byte, 5 KB) never reaches the database."""
    return bool(_CODE.fullmatch(code or ""))


# The incident page reads only the columns it shows: compiling and decoding the other columns of
# the incident, its place, its actors' entities and its sources' articles (≈ 120 in all, article
# bodies among them) was most of the page's CPU outside the template.
_DETAIL_DEFERRED = (
    "search_text",
    "search_vector",
    "review_comment",
    "merged_into",
    "created_by",
    "approved_by",
    "submitted_by",
    "last_changed_by",
    "created_at",
    *(
        f"place__{name}"
        for name in (
            "type",
            "aliases",
            "description",
            "latitude",
            "longitude",
            "geo_kind",
            "country",
            "country_iso3",
            "admin1",
            "admin2",
            "admin3",
            "actor_type",
            "merged_into",
            "created_at",
            "updated_at",
        )
    ),
)
_DETAIL_ACTOR_FIELDS = ("incident_id", "entity_id", "role", "certainty", "entity__name_ar", "entity__name_en")
_DETAIL_SOURCE_FIELDS = (
    "incident_id",
    "quote",
    "added_at",
    "article__url",
    "article__title",
    "article__published_at",
    "article__source__name",
)


def incident_detail_get(code):
    """One public incident by its code with its actors, figures and sources; None when not public."""
    if not looks_like_code(code):
        return None
    return (
        Incident.objects.public()
        .select_related("place")
        .defer(*_DETAIL_DEFERRED)
        .prefetch_related(
            Prefetch("actors", queryset=IncidentActor.objects.select_related("entity").only(*_DETAIL_ACTOR_FIELDS).order_by("role", "id")),
            Prefetch("casualties", queryset=CasualtyFigure.objects.order_by("category", "victim_class", "id")),
            Prefetch(
                "sources",
                queryset=IncidentSource.objects.select_related("article__source").only(*_DETAIL_SOURCE_FIELDS).order_by("added_at", "id"),
            ),
        )
        .filter(code=code)
        .first()
    )


def incident_merged_target(code):
    """Where a merged incident's address now points: the public incident it was folded into, if any."""
    if not looks_like_code(code):
        return None
    merged = Incident.objects.filter(code=code, status=Incident.Status.MERGED).select_related("merged_into").first()
    target = merged.merged_into if merged else None
    # A survivor may itself have been merged later: follow the chain (merges only go into published
    # incidents, so it is short and ends).
    while target is not None and target.status == Incident.Status.MERGED:
        target = Incident.objects.select_related("merged_into").filter(pk=target.merged_into_id).first()
    return target if target is not None and target.is_public else None


def incident_corrections(incident):
    """Public corrections after first publication, oldest first: date, note, and whether two people saw it
    (one proposed it, another approved it; who they are stays on the desk's side)."""
    records = list(
        incident.history.filter(status__in=[Incident.Status.PUBLISHED, Incident.Status.RETRACTED])
        .order_by("history_date", "history_id")
        .values("history_date", "history_change_reason", "status", "correction_note", "history_user", "correction_approved_by")
    )
    corrections = []
    for record in records[1:]:  # the first one is the publication itself
        if record["status"] == Incident.Status.RETRACTED:
            continue  # shown as the retraction notice
        action, legacy_note = HistoryAction.of(record["history_change_reason"])
        note = legacy_note or (action.public_note() if action else "") or record["correction_note"]
        approver = record["correction_approved_by"]
        two_people = action == HistoryAction.CORRECTED and approver is not None and approver != record["history_user"]
        corrections.append({"date": record["history_date"], "note": note, "two_people": two_people})
    return corrections


def public_places():
    """Places with at least one public incident, with their public incident counts, most first."""
    # The filter comes before the annotation, so the count only sees public incidents.
    return (
        Entity.objects.filter(type="LOC", incidents_here__status__in=_PUBLIC)
        .annotate(incident_count=Count("incidents_here", distinct=True))
        .order_by("-incident_count", "name_ar")
    )


def public_actors():
    """Actors named in at least one public incident, with their public incident counts."""
    return (
        Entity.objects.filter(incident_roles__incident__status__in=_PUBLIC)
        .annotate(incident_count=Count("incident_roles__incident", distinct=True))
        .order_by("-incident_count", "name_ar")
    )


def place_get(pk):
    """A place that has public incidents (a reader cannot discover the knowledge base otherwise)."""
    return public_places().filter(pk=pk).first()


def actor_get(pk):
    """An actor named in at least one public incident: an existence test (its page counts the
    incidents once, in `stats_by_month_and_field`; a count here read them all once more)."""
    public_role = IncidentActor.objects.filter(entity=OuterRef("pk"), incident__status__in=_PUBLIC)
    return Entity.objects.filter(pk=pk).filter(Exists(public_role)).first()


def incidents_for_place(place):
    return public_incidents({"place": place.pk}).qs


def incidents_for_actor(actor):
    return public_incidents({"actor": actor.pk}).qs


def stats_source(filterset):
    """What the stats page counts: the tallies (incidents.tallies) when the reader's filters are
    ones they are kept by, else the filtered incidents themselves. Both give the same figures."""
    condition = filterset.tally_filter()
    if condition is None:
        return filterset.qs
    return PublicTally.objects.filter(condition)


def _sums(queryset):
    """Incidents and killed, summed: over tallies, or counted over incidents."""
    if queryset.model is PublicTally:
        return {"incidents": Sum("incidents"), "fatalities": Coalesce(Sum("fatalities"), 0)}
    return {"incidents": Count("*"), "fatalities": Coalesce(Sum("fatalities"), 0)}


MAX_FILLED_MONTHS = 12 * 30


def stats_by_month(queryset):
    """[(month date, incidents, fatalities)] oldest first, from incidents or tallies."""
    if queryset.model is PublicTally:
        rows = queryset.order_by().values("month").annotate(**_sums(queryset)).order_by("month")
    else:
        rows = queryset.order_by().annotate(month=TruncMonth("date_start")).values("month").annotate(**_sums(queryset)).order_by("month")
    return _month_series({_month_start(r["month"]): (r["incidents"], r["fatalities"]) for r in rows if r["month"] is not None})


def _month_series(found):
    """{month: (incidents, fatalities)} as [(month, incidents, fatalities)] oldest first, empty months filled."""
    if not found:
        return []
    first, last = min(found), max(found)
    span = (last.year - first.year) * 12 + last.month - first.month
    if span > MAX_FILLED_MONTHS:
        # An odd stored date (year 1 or 9999) must not make a chart of twenty thousand empty months.
        return [(month, *found[month]) for month in sorted(found)]
    # Months without incidents are part of the story: fill them with zeros.
    months = []
    for step in range(span + 1):
        year, month0 = divmod(first.month - 1 + step, 12)
        month = datetime.date(first.year + year, month0 + 1, 1)
        months.append((month, *found.get(month, (0, 0))))
    return months


def _month_start(value):
    return value.date() if isinstance(value, datetime.datetime) else value


def stats_by_field(queryset, field, limit=None):
    """[(value, incidents, fatalities)] most incidents first, from incidents or tallies."""
    rows = queryset.order_by().exclude(**{field: ""}).values(field).annotate(**_sums(queryset)).order_by("-incidents", F(field).asc())
    if limit:
        rows = rows[:limit]
    return [(r[field], r["incidents"], r["fatalities"]) for r in rows]


def stats_by_month_and_field(queryset, field, limit=None):
    """`stats_by_month(queryset)` and `stats_by_field(queryset, field, limit)` of incidents from one
    grouped read (a page showing both reads its incidents once, not twice)."""
    months, values = {}, {}
    rows = queryset.order_by().annotate(month=TruncMonth("date_start")).values("month", field).annotate(**_sums(queryset))
    for row in rows:
        counts = (row["incidents"], row["fatalities"])
        if row["month"] is not None:
            month = _month_start(row["month"])
            months[month] = tuple(map(sum, zip(months.get(month, (0, 0)), counts, strict=True)))
        if row[field] != "":
            values[row[field]] = tuple(map(sum, zip(values.get(row[field], (0, 0)), counts, strict=True)))
    ranked = sorted(values.items(), key=lambda item: (-item[1][0], item[0]))[:limit]
    return _month_series(months), [(value, *counts) for value, counts in ranked]


def governorates():
    """[(English name, Arabic name)] of the gazetteer's governorates, for the filter's suggestions
    and for showing an incident's governorate (stored in English, as ACLED's admin1) in Arabic."""
    return list(
        Entity.objects.filter(type="LOC", geo_kind=Entity.GeoKind.GOVERNORATE).order_by("name_en").values_list("name_en", "name_ar")
    )


def governorate_label_fn(pairs=None):
    """A function giving a governorate's name in the reader's language."""
    if get_language() != "ar":
        return lambda name: name
    arabic = dict(pairs if pairs is not None else governorates())
    return lambda name: arabic.get(name) or governorate_label(name)
