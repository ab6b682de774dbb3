"""Editors' incident forms: the incident itself, its actors, casualty figures and supporting quotes.

The forms only validate; incidents.services writes. A hidden ``version`` carries the version the
editor opened, so that a concurrent save is refused instead of overwritten.
"""

import datetime

from crispy_forms.helper import FormHelper
from crispy_forms.layout import Div, Field, Fieldset, Layout
from django import forms
from django.core.exceptions import ValidationError
from django.forms import formset_factory
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from annotation.areas import governorate_label, governorate_stored
from annotation.models import Article, Entity, validate_span
from incidents.models import CasualtyFigure, Incident, IncidentActor
from incidents.taxonomy import EVENT_TYPE_LABELS, SUB_EVENT_LABELS, SUB_EVENT_TO_EVENT

EARLIEST_DATE = datetime.date(1900, 1, 1)

INCIDENT_FIELDS = [
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
    "place",
    "place_text",
    "geo_precision",
    "latitude",
    "longitude",
    "country",
    "admin1",
    "admin2",
    "fatalities",
    "injured",
    "confidence",
]


class EntityChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        # The English name helps an English-speaking editor; the Arabic interface names entities in Arabic.
        return f"{obj.name_ar} · {obj.name_en}" if obj.name_en and get_language() != "ar" else obj.name_ar

    def offer(self, entities):
        """Show only these entities as options (the knowledge base holds thousands); any valid pk is still accepted."""
        if entities is not None:
            self.widget.choices = [("", self.empty_label), *((e.pk, self.label_from_instance(e)) for e in entities)]


class IncidentForm(forms.ModelForm):
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    place = EntityChoiceField(label=_("place"), queryset=Entity.objects.none(), required=False)

    class Meta:
        model = Incident
        fields = INCIDENT_FIELDS
        widgets = {
            "date_start": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "date_end": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "summary_ar": forms.Textarea(attrs={"rows": 3, "lang": "ar", "dir": "rtl"}),
            "summary_en": forms.Textarea(attrs={"rows": 3, "lang": "en", "dir": "ltr"}),
            "title_en": forms.TextInput(attrs={"lang": "en", "dir": "ltr"}),
            "latitude": forms.NumberInput(attrs={"step": "any"}),
            "longitude": forms.NumberInput(attrs={"step": "any"}),
        }

    def __init__(self, *args, places=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["place"].queryset = Entity.objects.filter(type="LOC", merged_into__isnull=True).order_by("name_ar")
        self.fields["place"].offer(places)
        self.fields["date_end"].required = False
        # The governorate is stored in English, as ACLED's admin1, and edited in the reader's language.
        self._admin1_stored = self.initial.get("admin1") or self.instance.admin1
        if self.initial.get("admin1"):
            self.initial["admin1"] = governorate_label(self.initial["admin1"])
        for name in ("title_ar", "date_text", "place_text"):
            self.fields[name].widget.attrs.update({"data-span-target": name})
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.disable_csrf = True
        self.helper.layout = Layout(
            Field("version"),
            Fieldset(
                _("What"),
                Div(Div("title_ar", css_class="col-md-6"), Div("title_en", css_class="col-md-6"), css_class="row"),
                Div(Div("event_type", css_class="col-md-6"), Div("sub_event_type", css_class="col-md-6"), css_class="row"),
                Div(Div("summary_ar", css_class="col-md-6"), Div("summary_en", css_class="col-md-6"), css_class="row"),
            ),
            Fieldset(
                _("When"),
                Div(
                    Div("date_start", css_class="col-md-3"),
                    Div("date_end", css_class="col-md-3"),
                    Div("time_precision", css_class="col-md-3"),
                    Div("date_text", css_class="col-md-3"),
                    css_class="row",
                ),
            ),
            Fieldset(
                _("Where"),
                Div(
                    Div("place", css_class="col-md-4"),
                    Div("place_text", css_class="col-md-4"),
                    Div("geo_precision", css_class="col-md-4"),
                    css_class="row",
                ),
                Div(
                    Div("latitude", css_class="col-md-3"),
                    Div("longitude", css_class="col-md-3"),
                    Div("country", css_class="col-md-2"),
                    Div("admin1", css_class="col-md-2"),
                    Div("admin2", css_class="col-md-2"),
                    css_class="row",
                ),
            ),
            Fieldset(
                _("How many and how sure"),
                Div(
                    Div("fatalities", css_class="col-md-4"),
                    Div("injured", css_class="col-md-4"),
                    Div("confidence", css_class="col-md-4"),
                    css_class="row",
                ),
            ),
        )

    def clean_admin1(self):
        typed, stored = self.cleaned_data.get("admin1"), self._admin1_stored
        if stored and typed == governorate_label(stored):
            return stored  # unchanged: keep the stored spelling ("Nineveh", not the gazetteer's "Ninewa")
        return governorate_stored(typed)

    def clean(self):
        data = super().clean()
        event, sub = data.get("event_type"), data.get("sub_event_type")
        if event and sub and SUB_EVENT_TO_EVENT.get(sub) != event:
            labels = {"sub": SUB_EVENT_LABELS.get(sub, sub), "event": EVENT_TYPE_LABELS.get(event, event)}
            self.add_error("sub_event_type", _("“%(sub)s” is not a kind of “%(event)s”.") % labels)
        self._check_ranges(data)
        start, end = data.get("date_start"), data.get("date_end")
        if start and not end:
            data["date_end"] = start
        elif start and end and end < start:
            self.add_error("date_end", _("The end date comes before the start date."))
        place = data.get("place")
        if place is not None:
            if data.get("latitude") is None and place.latitude is not None:
                data["latitude"], data["longitude"] = place.latitude, place.longitude
            if not data.get("admin1") and place.admin1:
                data["admin1"] = place.admin1
        if (data.get("latitude") is None) != (data.get("longitude") is None):
            self.add_error("longitude", _("Give both latitude and longitude, or neither."))
        return data

    def _check_ranges(self, data):
        """Dates from 1900 to tomorrow (a time zone ahead), coordinates on the globe."""
        latest = datetime.date.today() + datetime.timedelta(days=1)
        for name in ("date_start", "date_end"):
            value = data.get(name)
            if value is None:
                continue
            if value < EARLIEST_DATE:
                self.add_error(name, _("Dates before 1900 are not accepted; check the year."))
                data.pop(name, None)
            elif value > latest:
                self.add_error(name, _("This date is in the future; check the year."))
                data.pop(name, None)
        for name, limit in (("latitude", 90), ("longitude", 180)):
            value = data.get(name)
            if value is not None and not (-limit <= value <= limit):
                self.add_error(name, _("Give a value between -%(limit)s and %(limit)s.") % {"limit": limit})
                data.pop(name, None)

    def _post_clean(self):
        # Model validation happens in the services, which also own the writes.
        pass

    def incident_fields(self):
        return {name: self.cleaned_data[name] for name in INCIDENT_FIELDS if name in self.cleaned_data}


class CorrectionForm(IncidentForm):
    correction_note = forms.CharField(label=_("What was corrected (shown publicly)"), widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper.layout.append(Fieldset(_("Correction"), "correction_note"))


class ActorForm(forms.Form):
    entity = EntityChoiceField(label=_("actor"), queryset=Entity.objects.none(), required=False)
    name = forms.CharField(
        label=_("or a new name"), max_length=300, required=False, widget=forms.TextInput(attrs={"data-span-target": "actor"})
    )
    # A blank first choice keeps an untouched extra row unchanged (a browser submits the first option).
    role = forms.ChoiceField(label=_("role"), choices=[("", "---------"), *IncidentActor.Role.choices])
    certainty = forms.ChoiceField(label=_("certainty"), choices=IncidentActor.Certainty.choices, initial=IncidentActor.Certainty.CERTAIN)

    def __init__(self, *args, entities=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["entity"].queryset = Entity.objects.filter(type__in=["ORG", "NORP", "PER"], merged_into__isnull=True).order_by(
            "name_ar"
        )
        self.fields["entity"].offer(entities)

    def clean(self):
        data = super().clean()
        if not data.get("entity") and not (data.get("name") or "").strip() and self.has_changed():
            raise ValidationError(_("Choose an actor or type its name."), code="actor_required")
        return data


class CasualtyForm(forms.Form):
    category = forms.ChoiceField(label=_("category"), choices=[("", "---------"), *CasualtyFigure.Category.choices])
    victim_class = forms.ChoiceField(label=_("who"), choices=CasualtyFigure.VictimClass.choices, initial=CasualtyFigure.VictimClass.UNKNOWN)
    min_count = forms.IntegerField(label=_("min"), min_value=0)
    max_count = forms.IntegerField(label=_("max"), min_value=0, required=False)
    qualifier = forms.CharField(label=_("qualifier"), max_length=100, required=False)
    raw_phrase = forms.CharField(
        label=_("phrase as written"), max_length=500, required=False, widget=forms.TextInput(attrs={"data-span-target": "raw_phrase"})
    )
    claimant = forms.CharField(label=_("claimed by"), max_length=200, required=False)

    def clean(self):
        data = super().clean()
        low, high = data.get("min_count"), data.get("max_count")
        if low is not None and high is None:
            data["max_count"] = low
        elif low is not None and high is not None and high < low:
            self.add_error("max_count", _("The maximum is below the minimum."))
        return data


class SourceForm(forms.Form):
    """An article supporting the incident, with the quote (a range of its body)."""

    article = forms.ModelChoiceField(label=_("article"), queryset=Article.objects.all(), widget=forms.HiddenInput)
    quote_start = forms.IntegerField(
        label=_("quote start"), min_value=0, required=False, widget=forms.NumberInput(attrs={"data-span-target": "quote_start"})
    )
    quote_end = forms.IntegerField(
        label=_("quote end"), min_value=1, required=False, widget=forms.NumberInput(attrs={"data-span-target": "quote_end"})
    )

    def clean(self):
        data = super().clean()
        article, start, end = data.get("article"), data.get("quote_start"), data.get("quote_end")
        if article is None:
            return data
        if (start is None) != (end is None):
            raise ValidationError(_("Give both ends of the quote, or neither."), code="quote_incomplete")
        if start is not None:
            validate_span(article.body, start, end)
            data["quote"] = article.body[start:end]
        else:
            data["quote"] = ""
        return data


class _RowsFormSet(forms.BaseFormSet):
    def rows(self):
        return [f.cleaned_data for f in self.forms if f.has_changed() and f.cleaned_data and not f.cleaned_data.get("DELETE")]


ActorFormSet = formset_factory(ActorForm, formset=_RowsFormSet, extra=1, can_delete=True)
CasualtyFormSet = formset_factory(CasualtyForm, formset=_RowsFormSet, extra=1, can_delete=True)
SourceFormSet = formset_factory(SourceForm, formset=_RowsFormSet, extra=0, can_delete=True)


class SendBackForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    comment = forms.CharField(label=_("What should the author change?"), widget=forms.Textarea(attrs={"rows": 3}))


class RetractForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    note = forms.CharField(label=_("Public retraction notice"), widget=forms.Textarea(attrs={"rows": 3}))


class MergeForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    into = forms.CharField(label=_("Merge into (public code of the incident to keep)"), max_length=24)

    def clean_into(self):
        code = self.cleaned_data["into"].strip().upper()
        try:
            return Incident.objects.get(code=code)
        except Incident.DoesNotExist:
            raise ValidationError(_("No incident has the code %(code)s."), code="no_incident", params={"code": code})


class AttachForm(forms.Form):
    code = forms.CharField(label=_("Public code of the incident"), max_length=24)
    article = forms.ModelChoiceField(queryset=Article.objects.all(), widget=forms.HiddenInput)
    quote_start = forms.IntegerField(label=_("quote start"), min_value=0, required=False)
    quote_end = forms.IntegerField(label=_("quote end"), min_value=1, required=False)

    def clean_code(self):
        code = self.cleaned_data["code"].strip().upper()
        try:
            return Incident.objects.exclude(status__in=[Incident.Status.MERGED, Incident.Status.RETRACTED]).get(code=code)
        except Incident.DoesNotExist:
            raise ValidationError(_("No open or published incident has the code %(code)s."), code="no_incident", params={"code": code})

    def clean(self):
        data = super().clean()
        article, start, end = data.get("article"), data.get("quote_start"), data.get("quote_end")
        if article is not None and start is not None and end is not None:
            validate_span(article.body, start, end)
        return data
