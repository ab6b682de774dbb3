"""IncidentFilter's filters and form are built once and shared (incidents.filters): each filter set
still filters with its own settings and its own copy of the form."""

import pytest

from incidents import filters
from incidents.models import Incident

pytestmark = pytest.mark.django_db


def test_each_filter_set_searches_with_its_own_setting(monkeypatch):
    searched = []
    monkeypatch.setattr(filters, "search_filter", lambda queryset, value, fuzzy: searched.append((value, fuzzy)) or queryset)
    plain = filters.IncidentFilter({"q": "قصف"}, queryset=Incident.objects.all())
    fuzzy = filters.IncidentFilter({"q": "هجوم"}, queryset=Incident.objects.all(), fuzzy=True)
    assert all(filter_set.qs.model is Incident for filter_set in (fuzzy, plain))
    assert searched == [("هجوم", True), ("قصف", False)]


def test_a_page_changing_its_form_leaves_the_next_pages_form_alone():
    first = filters.IncidentFilter({"country": "IRQ"}, queryset=Incident.objects.all())
    first.form.fields["admin1"].widget.attrs["list"] = "governorates"
    second = filters.IncidentFilter({}, queryset=Incident.objects.all())
    assert type(first.form) is type(second.form)
    assert "list" not in second.form.fields["admin1"].widget.attrs
    assert second.form.fields["admin1"].widget.attrs["class"] == "form-control form-control-sm"
    assert second.form.fields["country"].widget.attrs["class"] == "form-select form-select-sm"
    assert 'value="IRQ" selected' in str(first.form["country"])
    assert "selected" not in str(second.form["country"]).replace('value="" selected', "")
