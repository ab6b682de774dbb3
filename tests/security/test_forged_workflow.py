"""Forged workflow actions through crafted requests: refused, with a clear message, nothing changed."""

import pytest
from django.urls import reverse
from django.utils import translation

from incidents import services
from incidents.models import Incident

FIELDS = ("status", "version", "approved_by_id", "published_at", "retracted_at", "merged_into_id", "review_comment")


def _url(name, **kwargs):
    with translation.override("en"):
        return reverse(name, kwargs=kwargs)


def _state(incident):
    fresh = Incident.objects.get(pk=incident.pk)
    return {f: getattr(fresh, f) for f in FIELDS}


def _messages(response):
    return " ".join(str(m) for m in response.context["messages"]) if response.context else response.content.decode()


@pytest.fixture
def submitted(editor, make_incident):
    """An incident written and submitted by `editor`, waiting for a reviewer."""
    return services.incident_submit(incident=make_incident(editor, title_ar="للمراجعة"), user=editor)


@pytest.mark.django_db
@pytest.mark.parametrize("who", ["anonymous", "outsider", "editor", "editor2"])
def test_non_reviewers_cannot_approve(client, who, request, submitted):
    before = _state(submitted)
    if who != "anonymous":
        client.force_login(request.getfixturevalue(who))
    response = client.post(_url("workflow:approve", pk=submitted.pk), {"action": "approve", "version": submitted.version})
    if who == "anonymous":
        assert response.status_code == 302 and response["Location"].startswith("/en/accounts/login/")
    else:
        assert response.status_code == 403
    assert _state(submitted) == before


@pytest.mark.django_db
def test_reviewer_cannot_approve_their_own_incident(client, reviewer, make_incident):
    own = services.incident_submit(incident=make_incident(reviewer, title_ar="من كتابتي"), user=reviewer)
    before = _state(own)
    client.force_login(reviewer)
    response = client.post(_url("workflow:approve", pk=own.pk), {"action": "approve", "version": own.version}, follow=True)
    assert response.status_code == 200
    assert "You cannot approve an incident you created" in _messages(response)
    assert _state(own) == before


@pytest.mark.django_db
def test_a_draft_cannot_be_published_directly(client, editor, reviewer, make_incident):
    draft = make_incident(editor, title_ar="مسودة")
    before = _state(draft)
    client.force_login(reviewer)
    response = client.post(_url("workflow:approve", pk=draft.pk), {"action": "approve", "version": draft.version}, follow=True)
    assert response.status_code == 200
    assert "cannot be approved" in _messages(response)
    assert _state(draft) == before


@pytest.mark.django_db
def test_stale_approval_is_refused(client, editor, reviewer, submitted):
    before = _state(submitted)
    client.force_login(reviewer)
    response = client.post(_url("workflow:approve", pk=submitted.pk), {"action": "approve", "version": submitted.version - 1}, follow=True)
    assert "Someone else saved this incident" in _messages(response)
    assert _state(submitted) == before


@pytest.mark.django_db
def test_approving_twice_changes_nothing_the_second_time(client, reviewer, reviewer2, submitted):
    client.force_login(reviewer)
    client.post(_url("workflow:approve", pk=submitted.pk), {"action": "approve", "version": submitted.version})
    published = _state(submitted)
    assert published["status"] == "published" and published["approved_by_id"] == reviewer.pk
    client.force_login(reviewer2)
    response = client.post(_url("workflow:approve", pk=submitted.pk), {"action": "approve", "version": published["version"]}, follow=True)
    assert "cannot be approved" in _messages(response)
    assert _state(submitted) == published


@pytest.mark.django_db
def test_get_never_changes_state(client, reviewer, submitted):
    before = _state(submitted)
    client.force_login(reviewer)
    assert client.get(_url("workflow:approve", pk=submitted.pk), {"action": "approve", "version": submitted.version}).status_code == 200
    assert _state(submitted) == before


@pytest.mark.django_db
def test_send_back_needs_a_comment(client, reviewer, submitted):
    before = _state(submitted)
    client.force_login(reviewer)
    client.post(
        _url("workflow:approve", pk=submitted.pk), {"action": "send_back", "comment": "   ", "version": submitted.version}, follow=True
    )
    assert _state(submitted) == before


@pytest.mark.django_db
@pytest.mark.parametrize("name", ["workflow:retract", "workflow:merge"])
def test_editors_cannot_retract_or_merge_published(client, editor, editor2, reviewer, make_incident, name):
    published = make_incident(editor2, publish_by=reviewer)
    other = make_incident(editor2, publish_by=reviewer, title_ar="آخر")
    before = _state(published)
    client.force_login(editor)
    data = {
        "note": "سحب مزور",
        "version": published.version,
        "into": other.pk,
        "incident-title_ar": "عنوان مزور",
        "incident-correction_note": "x",
    }
    assert client.post(_url(name, pk=published.pk), data).status_code == 403
    assert _state(published) == before


@pytest.mark.django_db
def test_an_editors_correction_only_waits_and_editors_cannot_decide_one(client, editor, editor2, reviewer, make_incident):
    from incidents.models import PendingCorrection

    published = make_incident(editor2, publish_by=reviewer)
    before = _state(published)
    client.force_login(editor)
    data = {"incident-title_ar": "عنوان مزور", "incident-correction_note": "x", "incident-version": published.version}
    client.post(_url("workflow:correct", pk=published.pk), data)
    assert _state(published) == before
    pending = services.pending_correction_propose(incident=published, user=editor2, expected_version=None, payload={}, note="x")
    url = _url("workflow:decide_correction", pk=published.pk, correction_pk=pending.pk)
    assert client.post(url, {"action": "approve", "version": published.version}).status_code == 403
    assert client.post(url, {"action": "reject", "version": published.version}).status_code == 403
    assert (_state(published), PendingCorrection.objects.get(pk=pending.pk).status) == (before, "pending")


@pytest.mark.django_db
def test_retraction_needs_a_notice(client, editor, reviewer, make_incident):
    published = make_incident(editor, publish_by=reviewer)
    before = _state(published)
    client.force_login(reviewer)
    client.post(_url("workflow:retract", pk=published.pk), {"note": "", "version": published.version}, follow=True)
    assert _state(published) == before


@pytest.mark.django_db
def test_outsider_cannot_submit(client, outsider, editor, make_incident):
    draft = make_incident(editor)
    before = _state(draft)
    client.force_login(outsider)
    assert client.post(_url("workflow:submit", pk=draft.pk), {"version": draft.version}).status_code == 403
    assert _state(draft) == before


@pytest.mark.django_db
def test_unpublished_incidents_are_not_public(client, submitted):
    with translation.override("ar"):
        assert client.get(submitted.get_absolute_url()).status_code == 404
