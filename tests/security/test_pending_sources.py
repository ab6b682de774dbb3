"""Attaching an article to a published incident is a change readers see: it waits for a second person."""

import pytest
from django.urls import reverse
from django.utils import translation

from incidents import services
from incidents.models import Incident, IncidentSource, PendingSource

pytestmark = pytest.mark.django_db

NEW_BODY = "أفاد شهود عيان بأن الهجوم في بعقوبة أوقع ضحايا من المارة."


def _url(name, **kwargs):
    with translation.override("en"):
        return reverse(name, kwargs=kwargs)


def _messages(response):
    return " ".join(str(m) for m in response.context["messages"])


@pytest.fixture
def published(editor, reviewer, make_incident):
    return make_incident(editor, publish_by=reviewer)


@pytest.fixture
def new_article(make_article):
    return make_article(body=NEW_BODY, source_name="إذاعة الشهود", url="https://witness.test/1")


def _attach(client, user, incident, article):
    client.force_login(user)
    return client.post(
        _url("workflow:attach") + f"?article={article.pk}",
        {"code": incident.code, "article": article.pk, "quote_start": 0, "quote_end": 20},
        follow=True,
    )


def _public(client, incident):
    page = client.get(f"/en/incidents/{incident.code}/").content.decode()
    api = client.get(f"/api/v1/incidents/{incident.code}").content.decode()
    export = b"".join(client.get("/export/incidents.json").streaming_content).decode()
    return page + api + export


def test_attaching_to_a_published_incident_waits_for_a_second_person(client, editor2, published, new_article):
    before = (published.version, published.updated_at)
    response = _attach(client, editor2, published, new_article)
    assert "waits for a second editor's approval" in _messages(response)
    fresh = Incident.objects.get(pk=published.pk)
    assert (fresh.version, fresh.updated_at) == before
    assert not IncidentSource.objects.filter(incident=published, article=new_article).exists()
    assert PendingSource.objects.get(incident=published).status == "pending"
    public = _public(client, published)
    assert "إذاعة الشهود" not in public and NEW_BODY[:20] not in public


def test_a_second_person_approves_it_as_a_correction(client, editor2, reviewer2, published, new_article):
    _attach(client, editor2, published, new_article)
    pending = PendingSource.objects.get(incident=published)
    client.force_login(reviewer2)
    response = client.post(
        _url("workflow:decide_source", pk=published.pk, source_pk=pending.pk), {"action": "approve", "version": published.version}
    )
    assert response.status_code == 302
    fresh = Incident.objects.get(pk=published.pk)
    assert fresh.version == published.version + 1
    assert fresh.updated_at > published.updated_at
    assert fresh.corrected_at is not None and "إذاعة الشهود" in fresh.correction_note
    assert fresh.history.first().history_change_reason == "corrected"  # the action code; the note says what
    # The row names both people: who proposed the source and who approved it.
    assert (fresh.history.first().history_user, fresh.correction_approved_by) == (editor2, reviewer2)
    assert IncidentSource.objects.get(incident=published, article=new_article).quote == NEW_BODY[:20]
    assert "إذاعة الشهود" in _public(client, published)
    feed = client.get("/feeds/incidents.atom").content.decode()
    assert "إذاعة الشهود" in feed


def test_the_proposer_cannot_approve_it(client, reviewer2, published, new_article):
    _attach(client, reviewer2, published, new_article)
    pending = PendingSource.objects.get(incident=published)
    response = client.post(
        _url("workflow:decide_source", pk=published.pk, source_pk=pending.pk),
        {"action": "approve", "version": published.version},
        follow=True,
    )
    assert "You proposed this source" in _messages(response)
    assert PendingSource.objects.get(pk=pending.pk).status == "pending"
    assert Incident.objects.get(pk=published.pk).version == published.version


def test_approval_without_version_is_refused(client, editor2, reviewer2, published, new_article):
    _attach(client, editor2, published, new_article)
    pending = PendingSource.objects.get(incident=published)
    client.force_login(reviewer2)
    response = client.post(_url("workflow:decide_source", pk=published.pk, source_pk=pending.pk), {"action": "approve"}, follow=True)
    assert "did not say which version" in _messages(response)
    assert PendingSource.objects.get(pk=pending.pk).status == "pending"


def test_turned_down_source_never_shows(client, editor2, reviewer2, published, new_article):
    _attach(client, editor2, published, new_article)
    pending = PendingSource.objects.get(incident=published)
    client.force_login(reviewer2)
    client.post(_url("workflow:decide_source", pk=published.pk, source_pk=pending.pk), {"action": "reject", "version": published.version})
    assert PendingSource.objects.get(pk=pending.pk).status == "rejected"
    assert Incident.objects.get(pk=published.pk).version == published.version
    assert "إذاعة الشهود" not in _public(client, published)


def test_a_draft_takes_the_source_at_once(editor, make_incident, new_article):
    draft = make_incident(editor)
    source = services.incident_attach_source(incident=draft, article=new_article, user=editor)
    assert isinstance(source, IncidentSource)


def test_the_queue_lists_pending_sources(client, editor2, reviewer2, published, new_article):
    _attach(client, editor2, published, new_article)
    client.force_login(reviewer2)
    html = client.get(_url("workflow:queue")).content.decode()
    assert f'href="{_url("workflow:approve", pk=published.pk)}"' in html and 'id="pending-sources"' in html
