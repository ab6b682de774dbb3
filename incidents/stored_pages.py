"""The body of each public incident page, rendered once per incident version and language (IncidentPage).

Rendering an incident page's body (its four reads, the corrections from the history, the governorate's
name and the template) cost ≈ 10 ms of CPU, most of the page. A reader's request now reads the stored
body with one query; when there is none, or it was rendered for another version of the incident or
with other templates or translations (`stamp`), the page renders it and stores it for the next reader.
Every change to what a body shows deletes it (incidents.stored_rows, the same hooks as the export
rows): the incident saved (published, corrected, retracted, merged), its actors, figures or sources,
the names of the actors, place, outlets and articles it cites, and any governorate's name. What
differs per request (the page's absolute address and today's date in the citation) is left in the
stored body as marks and filled in when it is served.
"""

import functools
import hashlib
import logging

from django.conf import settings
from django.db import DatabaseError, connection, transaction
from django.template import loader
from django.template.defaultfilters import date as date_filter
from django.utils import timezone
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from annotation.areas import country_label
from incidents import selectors
from incidents.models import CasualtyFigure, Incident, IncidentActor, IncidentPage, point_on_globe

logger = logging.getLogger(__name__)

BODY_TEMPLATE = "incidents/public/_detail_body.html"
# Escaped user text never holds "<", so these cannot come from an incident's own words.
PAGE_URL_MARK = mark_safe("<\x01page-url>")
TODAY_MARK = mark_safe("<\x01today>")


@functools.cache
def _templates_stamp():
    digest = hashlib.sha256()
    for name in (BODY_TEMPLATE, "incidents/public/_map.html"):
        digest.update(loader.get_template(name).template.source.encode())
    for catalogue in sorted(p for path in settings.LOCALE_PATHS for p in path.rglob("*.mo")):
        digest.update(catalogue.read_bytes())
    return digest


def stamp():
    """What a stored body was rendered with: the body's templates, the translations, the map tiles."""
    digest = _templates_stamp().copy()
    digest.update(settings.MARSAD_MAP_TILE_URL.encode())
    return digest.hexdigest()[:16]


def stored_page(code):
    """(title, has_map, body) of a public incident's page in the reader's language, if stored for its
    current version; else None."""
    if not selectors.looks_like_code(code):
        return None
    with connection.cursor() as cursor:
        cursor.execute(_STORED_PAGE, [code, Incident.Status.PUBLISHED, Incident.Status.RETRACTED, get_language(), stamp()])
        found = cursor.fetchone()
    return None if found is None else (found[0], bool(found[1]), found[2])


# One probe of the incident's code index and one of the page's (incident, language) index. Plain SQL:
# building the same query through the ORM cost more CPU than the rest of a stored page's request.
_STORED_PAGE = (
    f"SELECT p.title, p.has_map, p.body FROM {IncidentPage._meta.db_table} p "  # noqa: S608 — table names only
    f"JOIN {Incident._meta.db_table} i ON i.id = p.incident_id "
    "WHERE i.code = %s AND i.status IN (%s, %s) AND p.language = %s AND p.version = i.version AND p.stamp = %s"
)


def store_page(incident):
    """Render a public incident's page body in the reader's language, store it, return (title, has_map, body)."""
    context = _body_context(incident)
    page = (incident.title, context["map_point"] is not None, loader.render_to_string(BODY_TEMPLATE, context))
    row = IncidentPage(incident=incident, language=get_language(), version=incident.version, stamp=stamp())
    row.title, row.has_map, row.body = page
    try:
        with transaction.atomic():
            IncidentPage.objects.bulk_create(
                [row],
                update_conflicts=True,
                unique_fields=["incident", "language"],
                update_fields=["version", "stamp", "title", "has_map", "body"],
            )
    except DatabaseError:  # the incident went meanwhile, or the database is read-only: serve it unstored
        logger.warning("incident page not stored: incident=%s", incident.pk, exc_info=True)
    return page


def served_body(body, page_url):
    """A stored body with this request's address and today's date filled in (safe HTML)."""
    today = escape(date_filter(timezone.localdate(), "j F Y"))
    return mark_safe(body.replace(PAGE_URL_MARK, escape(page_url)).replace(TODAY_MARK, today))  # noqa: S308 — both escaped


def forget_pages(incident_ids):
    """Delete the stored pages of these incidents (ids or a subquery of ids): their next view renders them."""
    IncidentPage.objects.filter(incident_id__in=incident_ids).delete()


def forget_all_pages():
    IncidentPage.objects.all().delete()


def _body_context(incident):
    actors = list(incident.actors.all())
    figures = list(incident.casualties.all())
    map_point = None
    lat, lon = point_on_globe(incident.latitude, incident.longitude)
    if lat is not None:
        map_point = {"lat": lat, "lon": lon, "label": incident.title, "precision": incident.geo_precision}
    return {
        "incident": incident,
        "actors_by_role": [(label, [a for a in actors if a.role == role]) for role, label in IncidentActor.Role.choices],
        "figures": figures,
        "figures_by_category": [(label, [f for f in figures if f.category == cat]) for cat, label in CasualtyFigure.Category.choices],
        "sources": list(incident.sources.all()),
        "corrections": selectors.incident_corrections(incident),
        "page_url": PAGE_URL_MARK,
        "today": TODAY_MARK,
        "map_point": map_point,
        "map_tiles": settings.MARSAD_MAP_TILE_URL,
        "country_name": country_label(incident.country),
        "admin1_label": selectors.governorate_label_fn()(incident.admin1) if incident.admin1 else "",
        "sep": "، " if get_language() == "ar" else ", ",
    }
