"""A correction of a published incident is a change readers see: it waits for a different reviewer (issue 10)."""

import csv
import io
import json

import pytest
from django.urls import reverse
from django.utils import translation

from incidents import services
from incidents.models import Incident, PendingCorrection
from tests.factories import KIRKUK_BODY
from tests.incidents.test_editor_views import incident_post

pytestmark = pytest.mark.django_db

NEW_TITLE = "قصف مدفعي على أطراف قرية الريحانة"
NOTE = "صححنا العنوان وعدد القتلى"


def _url(name, **kwargs):
    with translation.override("en"):
        return reverse(name, kwargs=kwargs)


def _messages(response):
    return " ".join(str(m) for m in response.context["messages"])


@pytest.fixture
def article(make_article):
    return make_article(body=KIRKUK_BODY, title="خبر من كركوك")


@pytest.fixture
def new_source_article(make_article):
    return make_article(body="نقلت إذاعة محلية أن القصف طال بيوتا عدة في القرية.", source_name="إذاعة القرية", url="https://village.test/1")


@pytest.fixture
def published(editor, reviewer, make_incident):
    return make_incident(editor, publish_by=reviewer)


def _propose(client, user, incident, article, **overrides):
    client.force_login(user)
    data = incident_post(
        article,
        **{
            "incident-version": incident.version,
            "incident-title_ar": NEW_TITLE,
            "incident-fatalities": "7",
            "incident-correction_note": NOTE,
        }
        | overrides,
    )
    return client.post(_url("workflow:correct", pk=incident.pk), data, follow=True)


def _public(client, incident):
    client.logout()
    page = client.get(f"/ar/incidents/{incident.code}/").content.decode()
    api = json.dumps(client.get(f"/api/v1/incidents/{incident.code}").json(), ensure_ascii=False)
    export = b"".join(client.get("/export/incidents.csv").streaming_content).decode()
    feed = client.get("/feeds/incidents.atom").content.decode()
    return {"page": page, "api": api, "csv": export, "feed": feed}


def _csv_row(text, incident):
    return next(row for row in csv.DictReader(io.StringIO(text.lstrip("\ufeff"))) if row["event_id_cnty"] == incident.code)


def _decide(client, user, incident, action, **extra):
    pending = PendingCorrection.objects.get(incident=incident, status="pending")
    client.force_login(user)
    data = {"action": action, "version": incident.version} | extra
    return client.post(_url("workflow:decide_correction", pk=incident.pk, correction_pk=pending.pk), data, follow=True)


def test_a_proposed_correction_changes_nothing_public(client, editor2, published, article):
    before = _public(client, published)
    response = _propose(client, editor2, published, article)
    assert "waits for a second reviewer" in _messages(response)
    fresh = Incident.objects.get(pk=published.pk)
    assert (fresh.version, fresh.updated_at, fresh.title_ar, fresh.correction_note) == (
        published.version,
        published.updated_at,
        published.title_ar,
        "",
    )
    assert fresh.history.count() == published.history.count()
    pending = PendingCorrection.objects.get(incident=published)
    assert (pending.status, pending.base_version, pending.note, pending.proposed_by) == ("pending", published.version, NOTE, editor2)
    assert pending.payload["incident-title_ar"] == [NEW_TITLE] and "csrfmiddlewaretoken" not in pending.payload
    after = _public(client, published)
    assert after == before
    assert _csv_row(after["csv"], published)["fatalities"] == str(published.fatalities) != "7"
    assert all(NEW_TITLE not in text and NOTE not in text for text in after.values())


def test_a_second_reviewer_publishes_it(client, editor2, reviewer2, published, article):
    _propose(client, editor2, published, article)
    history = published.history.count()
    response = _decide(client, reviewer2, published, "approve")
    assert "The correction is published" in _messages(response)
    fresh = Incident.objects.get(pk=published.pk)
    assert (fresh.version, fresh.title_ar, fresh.fatalities, fresh.correction_note) == (published.version + 1, NEW_TITLE, 7, NOTE)
    assert fresh.corrected_at is not None and fresh.updated_at > published.updated_at
    assert fresh.history.count() == history + 1
    assert fresh.history.first().history_change_reason == "corrected"  # the action code; the note is the row's own field
    pending = PendingCorrection.objects.get(incident=published)
    assert (pending.status, pending.decided_by, pending.decided_at is not None) == ("approved", reviewer2, True)
    public = _public(client, published)
    assert NEW_TITLE in public["page"] and NOTE in public["page"]
    assert NEW_TITLE in public["api"] and NEW_TITLE in public["feed"]
    assert _csv_row(public["csv"], published)["fatalities"] == "7"


def test_the_proposer_cannot_approve_it(client, reviewer2, published, article):
    _propose(client, reviewer2, published, article)
    response = _decide(client, reviewer2, published, "approve")
    assert "You proposed this correction" in _messages(response)
    assert PendingCorrection.objects.get(incident=published).status == "pending"
    assert Incident.objects.get(pk=published.pk).version == published.version


def test_whoever_changed_it_last_cannot_approve_it(client, editor2, reviewer, reviewer2, published, article):
    _propose(client, reviewer, published, article)
    _decide(client, reviewer2, published, "approve")
    fresh = Incident.objects.get(pk=published.pk)
    assert fresh.last_changed_by == reviewer  # the correction is its proposer's change; reviewer2 approved it
    _propose(client, editor2, fresh, article, **{"incident-title_ar": "عنوان آخر", "incident-correction_note": "تصحيح ثان"})
    assert _decide(client, editor2, fresh, "approve").status_code == 403  # an editor is no reviewer
    response = _decide(client, reviewer, fresh, "approve")
    assert "You changed this incident last" in _messages(response)
    assert Incident.objects.get(pk=published.pk).version == fresh.version
    response = _decide(client, reviewer2, fresh, "approve")
    assert "The correction is published" in _messages(response)
    assert Incident.objects.get(pk=published.pk).title_ar == "عنوان آخر"


def test_approval_without_version_is_refused(client, editor2, reviewer2, published, article):
    _propose(client, editor2, published, article)
    pending = PendingCorrection.objects.get(incident=published)
    client.force_login(reviewer2)
    response = client.post(
        _url("workflow:decide_correction", pk=published.pk, correction_pk=pending.pk), {"action": "approve"}, follow=True
    )
    assert "did not say which version" in _messages(response)
    assert PendingCorrection.objects.get(pk=pending.pk).status == "pending"
    assert Incident.objects.get(pk=published.pk).title_ar == published.title_ar


def test_approval_after_the_incident_changed_is_refused(client, editor2, reviewer2, published, article, new_source_article):
    _propose(client, editor2, published, article)
    services.incident_attach_source(incident=published, article=new_source_article, user=editor2)
    pending_source = published.pending_sources.get()
    changed = services.pending_source_approve(pending=pending_source, user=reviewer2)
    response = _decide(client, reviewer2, changed, "approve")
    assert "changed after this correction was proposed" in _messages(response)
    fresh = Incident.objects.get(pk=published.pk)
    assert (fresh.version, fresh.title_ar) == (changed.version, published.title_ar)
    assert PendingCorrection.objects.get(incident=published).status == "pending"


def test_turned_down_never_shows(client, editor2, reviewer2, published, article):
    _propose(client, editor2, published, article)
    response = _decide(client, reviewer2, published, "reject")
    assert "turned down" in _messages(response)
    assert PendingCorrection.objects.get(incident=published).status == "rejected"
    assert Incident.objects.get(pk=published.pk).version == published.version
    assert all(NEW_TITLE not in text and NOTE not in text for text in _public(client, published).values())


def test_one_open_correction_per_incident(client, editor, editor2, published, article):
    _propose(client, editor2, published, article)
    _propose(client, editor2, published, article, **{"incident-correction_note": "ملاحظة أحدث"})
    assert list(PendingCorrection.objects.values_list("note", flat=True)) == ["ملاحظة أحدث"]  # the proposer's newer one replaces theirs
    response = _propose(client, editor, published, article)
    assert "already waits for a second reviewer" in _messages(response)
    assert PendingCorrection.objects.count() == 1


def test_the_queue_and_approve_page_show_what_changes(client, editor2, reviewer2, published, article):
    _propose(client, editor2, published, article)
    client.force_login(reviewer2)
    queue = client.get(_url("workflow:queue")).content.decode()
    assert 'id="pending-corrections"' in queue and NOTE in queue
    response = client.get(_url("workflow:approve", pk=published.pk))
    changes = {str(row["label"]): (row["before"], row["after"]) for row in response.context["pending_correction"].changes}
    assert changes["Title (Arabic)"] == (published.title_ar, NEW_TITLE)
    assert changes["Fatalities"] == (str(published.fatalities), "7")
    assert "actors" in response.context["pending_correction"].details_changed
    assert (
        _url("workflow:decide_correction", pk=published.pk, correction_pk=PendingCorrection.objects.get().pk) in response.content.decode()
    )


def test_the_public_record_shows_that_two_people_saw_the_correction(client, editor2, reviewer2, published, article):
    _propose(client, editor2, published, article)
    _decide(client, reviewer2, published, "approve")
    row = Incident.objects.get(pk=published.pk).history.first()
    assert (row.history_change_reason, row.history_user, row.correction_approved_by) == ("corrected", editor2, reviewer2)
    desk = client.get(_url("workflow:approve", pk=published.pk)).content.decode()
    assert f"{editor2} · Published · corrected · approved by {reviewer2}" in desk
    client.logout()
    page = client.get(f"/en/incidents/{published.code}/").content.decode()
    assert "Corrected on" in page and "(proposed by one editor, approved by another)" in page
    assert "(اقترحه محرر ووافق عليه محرر آخر)" in client.get(f"/ar/incidents/{published.code}/").content.decode()
    feed = client.get("/feeds/incidents.atom", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert f"Correction, proposed by one editor and approved by another: {NOTE}" in feed
    for text in (page, feed):  # the desk's names stay on the desk's side
        assert editor2.username not in text and reviewer2.username not in text and "@" + "example" not in text


def test_a_merge_after_an_approved_correction_is_one_reviewers_act(editor, editor2, reviewer, reviewer2, published, article, client):
    from incidents.selectors import incident_corrections

    _propose(client, editor2, published, article)
    _decide(client, reviewer2, published, "approve")
    duplicate = services.incident_submit(incident=services.incident_create(created_by=editor, **_fields_of(published)), user=editor)
    services.incident_merge(duplicate=duplicate, into=published, user=reviewer)
    fresh = Incident.objects.get(pk=published.pk)
    assert fresh.correction_approved_by is None
    assert [c["two_people"] for c in incident_corrections(fresh)] == [True, False]


def _fields_of(incident):
    names = ("title_ar", "event_type", "sub_event_type", "date_start", "country")
    return {name: getattr(incident, name) for name in names}
