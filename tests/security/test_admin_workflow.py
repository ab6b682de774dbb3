"""The Django admin offers no way around the workflow, and a change the database would refuse is a form error."""

import datetime

import pytest
from django.urls import reverse

from incidents.models import CasualtyFigure, Incident

pytestmark = pytest.mark.django_db


def _form_data(response):
    """What the browser would post back: every field of the admin form and its inlines, as rendered."""
    data = {}
    forms = [response.context["adminform"].form]
    for inline in response.context["inline_admin_formsets"]:
        formset = inline.formset
        forms += list(formset.forms)
        management = formset.management_form
        data |= {management.add_prefix(name): management[name].value() for name in management.fields}
    for form in forms:
        for name, field in form.fields.items():
            value = form[name].value()
            if value is None or value is False:
                continue
            if isinstance(value, (list, tuple)):
                value = [str(v) for v in value]
            elif isinstance(value, datetime.date):
                value = value.isoformat()
            data[form.add_prefix(name)] = value
    return data


@pytest.fixture
def published(editor, reviewer, make_incident):
    incident = make_incident(editor, publish_by=reviewer)
    CasualtyFigure.objects.create(incident=incident, category="killed", min_count=2, max_count=3)
    return incident


def _change_url(incident):
    return reverse("admin:incidents_incident_change", args=[incident.pk])


def test_status_approver_and_code_are_read_only(client, admin_user, published):
    client.force_login(admin_user)
    response = client.get(_change_url(published))
    fields = response.context["adminform"].form.fields
    assert not {"status", "approved_by", "code", "submitted_by", "last_changed_by", "merged_into"} & set(fields)
    data = _form_data(response) | {"status": "draft", "approved_by": admin_user.pk, "code": "XXX-1"}
    client.post(_change_url(published), data)
    fresh = Incident.objects.get(pk=published.pk)
    assert (fresh.status, fresh.approved_by_id, fresh.code) == ("published", published.approved_by_id, published.code)


def test_incidents_are_not_added_through_the_admin(client, admin_user):
    client.force_login(admin_user)
    assert client.get(reverse("admin:incidents_incident_add")).status_code == 403


def test_reversed_dates_are_a_form_error(client, admin_user, published):
    client.force_login(admin_user)
    data = _form_data(client.get(_change_url(published))) | {"date_start": "2025-03-13", "date_end": "2025-03-01"}
    response = client.post(_change_url(published), data)
    assert response.status_code == 200
    assert response.context["adminform"].form.errors or response.context["errors"]
    assert Incident.objects.get(pk=published.pk).date_end == published.date_end


def test_figure_range_refused_by_the_database_is_a_form_error(client, admin_user, published):
    client.force_login(admin_user)
    data = _form_data(client.get(_change_url(published)))
    key = next(k for k in data if k.endswith("-min_count"))
    data[key] = "9"
    response = client.post(_change_url(published), data)
    assert response.status_code == 200
    assert response.context["errors"]
    assert CasualtyFigure.objects.get(incident=published).min_count == 2


def test_figure_admin_range_is_a_form_error(client, admin_user, published):
    figure = CasualtyFigure.objects.get(incident=published)
    client.force_login(admin_user)
    url = reverse("admin:incidents_casualtyfigure_change", args=[figure.pk])
    data = _form_data(client.get(url)) | {"min_count": "9", "max_count": "1"}
    response = client.post(url, data)
    assert response.status_code == 200
    assert CasualtyFigure.objects.get(pk=figure.pk).min_count == 2
