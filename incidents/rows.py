"""The public list's rows, rendered in Python: the same HTML the row template gave, without its cost.

A list page shows 25 rows; through `{% include %}` each cost ≈ 0.4 ms of variable lookups, filters
and URL reversing, most of a page's time. Here the page-wide parts (the language, the translated
words, the URL prefixes) are worked out once per page and each row is one format string. The rows
are read as plain values (`read`: two queries, no model instances). Nothing is cached across
requests, so an edited incident shows its new row at once.
"""

import functools

from django.template.defaultfilters import date as date_filter
from django.urls import reverse
from django.utils.formats import localize
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import get_language, gettext, ngettext

from incidents.models import Incident
from incidents.selectors import LIST_ROW_FIELDS, list_row_actors, list_rows, looks_like_code

_SENTINEL = 987654321  # stands for an id in a reversed URL, split off to give the prefix and suffix
_ROLES_SHOWN = ("actor1", "actor2")


@functools.lru_cache(maxsize=8192)
def _when(language, precision, start, end):
    """When an incident happened, as its row and its page show it: the month, the week or the day(s)
    (the language is part of the key, for the month names)."""
    if precision == Incident.TimePrecision.MONTH:
        return escape(date_filter(start, "F Y"))
    if precision == Incident.TimePrecision.WEEK:
        return gettext("week of %(d)s") % {"d": escape(date_filter(start, "j F Y"))}
    text = escape(date_filter(start, "j F Y"))
    if end != start:
        text += " – " + escape(date_filter(end, "j F Y"))
    return text


class Row:
    """One incident as its list row shows it: the values of selectors.LIST_ROW_FIELDS (the place's
    names as place_name_ar and place_name_en), its actors as (role, entity id, Arabic name, English
    name) and, set by the page, its governorate's label."""

    __slots__ = (*(name.replace("__", "_") for name in LIST_ROW_FIELDS), "actors", "admin1_label")

    def __init__(self, values):
        for name, value in zip(self.__slots__, values, strict=False):
            setattr(self, name, value)
        self.actors = []
        self.admin1_label = ""

    def get_absolute_url(self):
        return reverse("incidents:detail", kwargs={"code": self.code})


def read(incidents):
    """The rows of a page of incidents (a sliced QuerySet): what they show is read as plain values
    (selectors.list_rows), their actors in one more query (none when the page is empty)."""
    page = [Row(values) for values in list_rows(incidents)]
    if page:
        by_id = {row.id: row for row in page}
        for incident_id, *actor in list_row_actors(list(by_id)):
            by_id[incident_id].actors.append(actor)
    return page


class _Page:
    """What every row on a page shares: the language, the words and the URL shapes."""

    def __init__(self):
        self.language = get_language()
        self.english = self.language == "en"
        self.retracted = escape(gettext("Retracted"))
        # get_sub_event_type_display() hashes every lazy label on each call: translate them once per page.
        self.sub_events = {value: escape(label) for value, label in Incident._meta.get_field("sub_event_type").flatchoices}
        self.place_url = self._shape("incidents:place")
        self.actor_url = self._shape("incidents:actor")
        self.detail_prefix, self.detail_suffix = reverse("incidents:detail", kwargs={"code": "C"}).rsplit("C", 1)

    @staticmethod
    def _shape(name):
        before, after = reverse(name, args=[_SENTINEL]).split(str(_SENTINEL))
        return before + "%d" + after

    def detail_url(self, incident):
        if looks_like_code(incident.code):  # letters, digits, hyphens: nothing for reverse() to quote
            return self.detail_prefix + incident.code + self.detail_suffix
        return incident.get_absolute_url()

    def sub_event(self, value):
        label = self.sub_events.get(value)
        return label if label is not None else escape(value)

    def killed(self, count):
        return ngettext("%(n)s killed", "%(n)s killed", count) % {"n": escape(localize(count))}

    def row(self, incident):
        retracted = incident.status == Incident.Status.RETRACTED
        title = incident.title_en if self.english and incident.title_en else incident.title_ar
        if incident.place_id:
            name = incident.place_name_en if self.english and incident.place_name_en else incident.place_name_ar
            where = f'<a href="{self.place_url % incident.place_id}"><bdi>{escape(name)}</bdi></a>'
        else:
            where = f"<bdi>{escape(incident.place_text)}</bdi>"
        if incident.admin1:
            label = incident.admin1_label or incident.admin1
            where += f" (<bdi>{escape(label)}</bdi>)"
        actors = ""
        if incident.actors:
            chips = []
            for role, entity_id, name_ar, name_en in incident.actors:
                if role in _ROLES_SHOWN:
                    name = name_en if self.english and name_en else name_ar
                    chips.append(f'<a class="actor-chip" href="{self.actor_url % entity_id}"><bdi>{escape(name)}</bdi></a>')
            actors = f'\n  <div class="incident-actors small">{"".join(chips)}</div>\n  '
        badge = f'<span class="badge text-bg-danger">{self.retracted}</span>' if retracted else ""
        when = _when(self.language, incident.time_precision, incident.date_start, incident.date_end)
        return (
            f'<li class="incident-row{" is-retracted" if retracted else ""}">\n'
            f'  <div class="incident-row-head">\n'
            f'    <a class="incident-title" href="{escape(self.detail_url(incident))}" dir="auto">{escape(title)}</a>\n'
            f"    {badge}\n"
            f"  </div>\n"
            f'  <div class="incident-meta small text-secondary">\n'
            f'    <span class="incident-code" dir="ltr">{escape(incident.code)}</span>\n'
            f'    · <time datetime="{incident.date_start.isoformat()}">{when}\n</time>\n'
            f"    · {where}\n"
            f"    · {self.sub_event(incident.sub_event_type)}\n"
            f'    · <span class="num">{self.killed(incident.fatalities)}</span>\n'
            f"  </div>\n"
            f"  {actors}\n"
            f"</li>\n"
        )


def incident_when(incident):
    """When an incident happened, in the reader's language (safe HTML)."""
    return mark_safe(_when(get_language(), incident.time_precision, incident.date_start, incident.date_end))  # noqa: S308 — escaped in _when


def incident_rows(incidents):
    """The <li> rows of a list of incidents (Rows, from `read`), as safe HTML."""
    page = _Page()
    return mark_safe("".join(page.row(incident) for incident in incidents))  # noqa: S308 — every value is escaped above
