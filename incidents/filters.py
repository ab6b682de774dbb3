"""The public incident filters, shared by the list page, exports, feeds and the API.

Every filter reads from the query string, so a filtered view is a URL that can be shared.
"""

import copy

import django_filters
from django import forms
from django.db.models import Exists, OuterRef, Q
from django.forms.utils import flatatt
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from annotation.models import Entity
from incidents.models import Incident, IncidentActor
from incidents.search import search_filter
from incidents.taxonomy import COUNTRIES, EVENT_TYPE_CHOICES, SUB_EVENT_TYPE_CHOICES

SORTS = {
    "-date": ("-date_start", "-id"),
    "date": ("date_start", "id"),
    "-fatalities": ("-fatalities", "-date_start", "-id"),
    "-updated": ("-updated_at", "-id"),
}
SORT_CHOICES = [
    ("-date", _("Newest first")),
    ("date", _("Oldest first")),
    ("-fatalities", _("Most killed first")),
    ("-updated", _("Recently updated")),
]
# Filters that are not shown as form fields but may be set by links (place and actor pages).
FILTER_PARAMS = (
    "q",
    "date_from",
    "date_to",
    "country",
    "admin1",
    "place",
    "event_type",
    "sub_event_type",
    "actor",
    "min_killed",
    "confidence",
    "sort",
)


def country_choices():
    """Countries named in the reader's language (the taxonomy keeps English and Arabic names)."""
    arabic = get_language() == "ar"
    return [(code, names[1] if arabic else names[0]) for code, names in COUNTRIES.items()]


class FastSelect(forms.Select):
    """A <select> rendered in Python: Django renders each <option> through a template, which costs
    several milliseconds per list page for the ~50 options of the filter form.

    A FastSelect's choices may differ by language but not otherwise (the filter form's are constants
    and the countries): each option's HTML, selected and not, is built once per process, language and
    field name, and a page only picks the selected one."""

    _options = {}  # (language, field name) → [HTML between options | (value, HTML, HTML selected)]

    def render(self, name, value, attrs=None, renderer=None):
        selected = "" if value is None else str(value[0] if isinstance(value, list | tuple) else value)
        final = self.build_attrs(self.attrs, attrs)
        key = (get_language(), name)
        parts = self._options.get(key)
        if parts is None:
            parts = self._options[key] = self._option_parts(self.choices)
        html = "".join(part if isinstance(part, str) else part[2 if part[0] == selected else 1] for part in parts)
        return format_html('<select name="{}"{}>{}</select>', name, flatatt(final), mark_safe(html))  # noqa: S308 — parts went through format_html

    @classmethod
    def _option_parts(cls, choices):
        parts = []
        for option_value, label in choices:
            if isinstance(label, list | tuple):
                parts.append(format_html('<optgroup label="{}">', option_value))
                parts.extend(cls._option_parts(label))
                parts.append("</optgroup>")
            else:
                parts.append(
                    (
                        str(option_value),
                        format_html('<option value="{}">{}</option>', option_value, label),
                        format_html('<option value="{}" selected>{}</option>', option_value, label),
                    )
                )
        return parts


class FastInputMixin:
    """An <input> rendered in Python, as django/forms/widgets/input.html renders it (seven per list page)."""

    def render(self, name, value, attrs=None, renderer=None):
        widget = self.get_context(name, value, attrs)["widget"]
        parts = [format_html('<input type="{}" name="{}"', widget["type"], widget["name"])]
        if widget["value"] is not None:
            parts.append(format_html(' value="{}"', widget["value"]))
        for key, attr in widget["attrs"].items():
            if attr is True:
                parts.append(format_html(" {}", key))
            elif attr is not False:
                parts.append(format_html(' {}="{}"', key, attr))
        return mark_safe("".join(parts) + ">")  # noqa: S308 — every part went through format_html


class FastTextInput(FastInputMixin, forms.TextInput):
    pass


class FastDateInput(FastInputMixin, forms.DateInput):
    pass


class FastNumberInput(FastInputMixin, forms.NumberInput):
    pass


class FastHiddenInput(FastInputMixin, forms.HiddenInput):
    pass


def admin1_condition(value):
    """Governorates are stored in English (ACLED's admin1); readers may type the Arabic name.

    The gazetteer's English names for an Arabic one are read first (a short query), so that the
    condition is only case-insensitive equalities, which the index on UPPER(admin1) answers; a
    subquery inside the OR made PostgreSQL test every public incident."""
    value = value.strip()
    english = Entity.objects.filter(type="LOC", geo_kind=Entity.GeoKind.GOVERNORATE, name_ar=value).values_list("name_en", flat=True)
    condition = Q(admin1__iexact=value)
    for name in sorted(set(english) - {value}):
        condition |= Q(admin1__iexact=name)
    return condition


# The filters the stats tallies (incidents.tallies) are kept by: with no other filter set, the
# stats page sums tallies instead of reading incidents.
TALLY_FILTERS = frozenset({"country", "admin1", "event_type", "sort"})


_FORM_CLASSES = {}  # filter set class → its form class (IncidentFilter.get_form_class)


class IncidentFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Search"), method="filter_search", widget=FastTextInput(attrs={"type": "search", "dir": "auto"}))
    date_from = django_filters.DateFilter(
        label=_("From"), field_name="date_start", lookup_expr="gte", widget=FastDateInput(attrs={"type": "date"})
    )
    date_to = django_filters.DateFilter(
        label=_("To"), field_name="date_start", lookup_expr="lte", widget=FastDateInput(attrs={"type": "date"})
    )
    country = django_filters.ChoiceFilter(label=_("Country"), choices=country_choices, empty_label=_("All countries"), widget=FastSelect)
    admin1 = django_filters.CharFilter(label=_("Governorate"), method="filter_admin1", widget=FastTextInput)
    place = django_filters.NumberFilter(label=_("Place"), field_name="place_id", widget=FastHiddenInput)
    event_type = django_filters.ChoiceFilter(
        label=_("Event type"), choices=EVENT_TYPE_CHOICES, empty_label=_("All event types"), widget=FastSelect
    )
    sub_event_type = django_filters.ChoiceFilter(
        label=_("Sub-event type"), choices=SUB_EVENT_TYPE_CHOICES, empty_label=_("All sub-event types"), widget=FastSelect
    )
    actor = django_filters.NumberFilter(label=_("Actor"), method="filter_actor", widget=FastHiddenInput)
    min_killed = django_filters.NumberFilter(
        label=_("Killed at least"), field_name="fatalities", lookup_expr="gte", min_value=0, max_value=2**31 - 1, widget=FastNumberInput
    )
    confidence = django_filters.ChoiceFilter(
        label=_("Confidence"), choices=Incident.Confidence.choices, empty_label=_("Any confidence"), widget=FastSelect
    )
    sort = django_filters.ChoiceFilter(label=_("Sort"), choices=SORT_CHOICES, method="filter_sort", empty_label=None, widget=FastSelect)

    class Meta:
        model = Incident
        fields = []

    def __init__(self, *args, fuzzy=False, **kwargs):
        self.fuzzy = fuzzy
        super().__init__(*args, **kwargs)

    def get_form_class(self):
        """The filter form's class, built once per process (django-filters builds the fields and a new
        class on each request): the fields are the same for every request; a form instance still
        copies them, so a page may change its own (the list's governorate suggestions)."""
        built = _FORM_CLASSES.get(type(self))
        if built is None:
            built = super().get_form_class()
            for field in built.base_fields.values():
                widget = field.widget
                if not isinstance(widget, forms.HiddenInput):
                    widget.attrs.setdefault(
                        "class", "form-select form-select-sm" if isinstance(widget, forms.Select) else "form-control form-control-sm"
                    )
            _FORM_CLASSES[type(self)] = built
        return built

    def filter_search(self, queryset, name, value):
        return search_filter(queryset, value, fuzzy=self.fuzzy)

    def filter_admin1(self, queryset, name, value):
        return queryset.filter(admin1_condition(value))

    def filter_actor(self, queryset, name, value):
        return queryset.filter(Exists(IncidentActor.objects.filter(incident=OuterRef("pk"), entity_id=value)))

    def filter_sort(self, queryset, name, value):
        return queryset  # applied last, in `qs`, so that every result is ordered

    def tally_filter(self):
        """A Q over PublicTally equivalent to this filter; None when a filter set is not one the
        tallies are kept by (dates, search, actor, place…) or the form does not validate."""
        if not self.is_bound or not self.form.is_valid():
            return None
        data = {k: v for k, v in self.form.cleaned_data.items() if v not in (None, "")}
        if not set(data) <= TALLY_FILTERS:
            return None
        condition = Q()
        if "country" in data:
            condition &= Q(country=data["country"])
        if "event_type" in data:
            condition &= Q(event_type=data["event_type"])
        if "admin1" in data:
            condition &= admin1_condition(data["admin1"])
        return condition

    @property
    def qs(self):
        queryset = super().qs
        sort = self.form.cleaned_data.get("sort") if self.is_bound and self.form.is_valid() else None
        return queryset.order_by(*SORTS.get(sort or "-date", SORTS["-date"]))


class _FiltersCopiedShallow(dict):
    """IncidentFilter's filters, copied one level deep for each filter set: django-filters deep-copies
    them (their widgets, choices and lazy labels, ≈ 70 copies per request), but a filter set only sets
    its own `model` and `parent` on its copies and never changes what they share."""

    def __deepcopy__(self, _memo):
        return {name: self._copy(filter_) for name, filter_ in self.items()}

    @staticmethod
    def _copy(filter_):
        copied = copy.copy(filter_)
        if filter_.method is not None:
            copied.method = filter_.method  # binds the filter method to the copy (and so to its filter set)
        return copied


IncidentFilter.base_filters = _FiltersCopiedShallow(IncidentFilter.base_filters)
