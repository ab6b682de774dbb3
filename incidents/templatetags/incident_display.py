"""Template filters that show what incidents store as codes (ACLED's English sub-event types, history
action codes, coordinates) in the reader's language and typography; places: annotation's place_names."""

import functools

from django import template
from django.utils.html import format_html_join
from django.utils.translation import gettext, ngettext

from incidents import rows
from incidents.models import HistoryAction
from incidents.taxonomy import SUB_EVENT_LABELS

register = template.Library()


@register.filter
def sub_event_label(value):
    """An ACLED sub-event type ("Air/drone strike") by its translated label."""
    return SUB_EVENT_LABELS.get(value, value)


@register.filter
def history_action(row):
    """A history row's action, translated ("approved and published" → «اعتُمدت ونُشرت»)."""
    action, _note = HistoryAction.of(row.history_change_reason)
    return action.label if action else ""


@register.filter
def history_note(row):
    """What a history row's action said: the reviewer's comment, the retraction or correction note."""
    action, legacy_note = HistoryAction.of(row.history_change_reason)
    if legacy_note:
        return legacy_note
    return {
        HistoryAction.SENT_BACK: row.review_comment,
        HistoryAction.RETRACTED: row.retraction_note,
        HistoryAction.CORRECTED: row.correction_note,
    }.get(action, "")


@register.filter
def latlon(point):
    """Coordinates as «35.2, 44.1»: a Latin full stop as decimal sign in every language; ``point`` is
    anything with latitude and longitude."""
    lat, lon = getattr(point, "latitude", None), getattr(point, "longitude", None)
    if lat is None or lon is None:
        return ""
    return f"{lat:.4f}".rstrip("0").rstrip(".") + ", " + f"{lon:.4f}".rstrip("0").rstrip(".")


# A number of each CLDR plural category (Arabic has all six; English only "one" and "other").
_PLURAL_SAMPLES = {"zero": 0, "one": 1, "two": 2, "few": 3, "many": 11, "other": 100}


@register.simple_tag
def map_words():
    """The words map.js writes, in the page's language: the zoom buttons' titles and "%(n)s killed" in
    each plural form (the script picks one with Intl.PluralRules)."""
    return {
        "zoom_in": gettext("Zoom in"),
        "zoom_out": gettext("Zoom out"),
        "killed": {category: ngettext("%(n)s killed", "%(n)s killed", n) for category, n in _PLURAL_SAMPLES.items()},
    }


@register.filter
def incident_rows(incidents):
    """The public list's rows for a page of incidents (incidents.rows: the row HTML built in Python)."""
    return rows.incident_rows(incidents)


@register.filter
def governorate_options(pairs):
    """The filter form's <option>s of governorates, [(English name, Arabic name)] (82 of them: a loop
    in the template cost more than the page's rows). The gazetteer seldom changes: the HTML is kept
    per process for the last few lists of names, and an edited list gives new HTML at once."""
    return _governorate_options(tuple(pairs))


@functools.lru_cache(maxsize=4)
def _governorate_options(pairs):
    return format_html_join("", '<option value="{}">{}</option>', pairs)


@register.filter
def incident_when(incident):
    """When an incident happened (the month, the week or the day(s)), as its list row shows it."""
    return rows.incident_when(incident)
