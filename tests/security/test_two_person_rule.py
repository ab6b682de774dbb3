"""Two people see every published version: whoever last changed or submitted an incident cannot approve it,
and every state change names the version it was made on."""

import pytest
from django.urls import reverse
from django.utils import translation

from annotation.models import Mention
from incidents import services
from incidents.models import Incident
from tests.factories import INCIDENT_DEFAULTS

pytestmark = pytest.mark.django_db


def _url(name, **kwargs):
    with translation.override("en"):
        return reverse(name, kwargs=kwargs)


def _messages(response):
    return " ".join(str(m) for m in response.context["messages"])


def _edit_post(incident, **overrides):
    data = {
        "incident-title_ar": "عنوان غيّره المراجع",
        "incident-event_type": INCIDENT_DEFAULTS["event_type"],
        "incident-sub_event_type": INCIDENT_DEFAULTS["sub_event_type"],
        "incident-date_start": "2025-03-13",
        "incident-time_precision": "1",
        "incident-geo_precision": "1",
        "incident-country": "IRQ",
        "incident-fatalities": "9",
        "incident-injured": "0",
        "incident-confidence": "likely",
        "incident-version": incident.version,
    }
    for prefix in ("actors", "casualties", "sources"):
        data |= {f"{prefix}-TOTAL_FORMS": "0", f"{prefix}-INITIAL_FORMS": "0"}
    return data | overrides


def test_reviewer_who_edited_a_submitted_incident_cannot_approve_it(client, editor, reviewer, make_incident):
    incident = services.incident_submit(incident=make_incident(editor), user=editor)
    client.force_login(reviewer)
    response = client.post(_url("workflow:edit", pk=incident.pk), _edit_post(incident))
    assert response.status_code == 302
    incident.refresh_from_db()
    assert (incident.fatalities, incident.last_changed_by_id) == (9, reviewer.pk)
    response = client.post(_url("workflow:approve", pk=incident.pk), {"action": "approve", "version": incident.version}, follow=True)
    assert "You edited or submitted this version yourself" in _messages(response)
    assert Incident.objects.get(pk=incident.pk).status == "in_review"


def test_reviewer_who_submitted_a_draft_cannot_approve_it(client, editor, reviewer, make_incident):
    draft = make_incident(editor)
    client.force_login(reviewer)
    client.post(_url("workflow:submit", pk=draft.pk), {"version": draft.version})
    draft.refresh_from_db()
    assert (draft.status, draft.submitted_by_id) == ("in_review", reviewer.pk)
    response = client.post(_url("workflow:approve", pk=draft.pk), {"action": "approve", "version": draft.version}, follow=True)
    assert "You edited or submitted this version yourself" in _messages(response)
    assert Incident.objects.get(pk=draft.pk).status == "in_review"


def test_a_second_reviewer_may_approve_what_the_first_changed(client, editor, reviewer, reviewer2, make_incident):
    incident = services.incident_submit(incident=make_incident(editor), user=editor)
    incident = services.incident_update(incident=incident, user=reviewer, expected_version=incident.version, fatalities=4)
    client.force_login(reviewer2)
    client.post(_url("workflow:approve", pk=incident.pk), {"action": "approve", "version": incident.version})
    incident.refresh_from_db()
    assert (incident.status, incident.approved_by_id) == ("published", reviewer2.pk)


# --- Every state change and every save names its version ---------------------------------------------


def _state(incident):
    fresh = Incident.objects.get(pk=incident.pk)
    return (fresh.status, fresh.version, fresh.title_ar, fresh.merged_into_id, fresh.review_comment)


MISSING = "did not say which version"


def test_approve_without_version_is_refused(client, editor, reviewer, make_incident):
    incident = services.incident_submit(incident=make_incident(editor), user=editor)
    before = _state(incident)
    client.force_login(reviewer)
    response = client.post(_url("workflow:approve", pk=incident.pk), {"action": "approve"}, follow=True)
    assert MISSING in _messages(response)
    assert _state(incident) == before


def test_send_back_without_version_is_refused(client, editor, reviewer, make_incident):
    incident = services.incident_submit(incident=make_incident(editor), user=editor)
    before = _state(incident)
    client.force_login(reviewer)
    response = client.post(_url("workflow:approve", pk=incident.pk), {"action": "send_back", "comment": "راجع الأرقام"}, follow=True)
    assert MISSING in _messages(response)
    assert _state(incident) == before


def test_submit_without_version_is_refused(client, editor, make_incident):
    draft = make_incident(editor)
    before = _state(draft)
    client.force_login(editor)
    response = client.post(_url("workflow:submit", pk=draft.pk), {}, follow=True)
    assert MISSING in _messages(response)
    assert _state(draft) == before


def test_retract_without_version_is_refused(client, editor, reviewer, reviewer2, make_incident):
    published = make_incident(editor, publish_by=reviewer)
    before = _state(published)
    client.force_login(reviewer2)
    response = client.post(_url("workflow:retract", pk=published.pk), {"note": "خطأ في التقرير"}, follow=True)
    assert MISSING in _messages(response)
    assert _state(published) == before


def test_merge_without_version_is_refused(client, editor, reviewer, reviewer2, make_incident):
    keep = make_incident(editor, publish_by=reviewer)
    duplicate = make_incident(editor, title_ar="نسخة مكررة")
    before = _state(duplicate)
    client.force_login(reviewer2)
    response = client.post(_url("workflow:merge", pk=duplicate.pk), {"into": keep.code}, follow=True)
    assert MISSING in _messages(response)
    assert _state(duplicate) == before


def test_save_without_version_is_refused(client, editor, make_incident):
    draft = make_incident(editor)
    before = _state(draft)
    client.force_login(editor)
    data = _edit_post(draft)
    del data["incident-version"]
    response = client.post(_url("workflow:edit", pk=draft.pk), data)
    assert response.status_code == 200
    assert MISSING in _messages(response)
    assert _state(draft) == before


def test_annotation_decision_without_version_is_refused(client, editor, make_article, make_suggestion):
    article = make_article()
    mention = make_suggestion(article, "بعقوبة", "LOC")
    client.force_login(editor)
    response = client.post(_url("annotation:mention_action", pk=article.pk, mention_pk=mention.pk, action="accept"), {}, follow=True)
    assert "did not say which version of the article" in _messages(response)
    assert Mention.objects.get(pk=mention.pk).status == Mention.Status.SUGGESTED
    response = client.post(
        _url("annotation:mention_action", pk=article.pk, mention_pk=mention.pk, action="accept"), {}, HTTP_X_REQUESTED_WITH="fetch"
    )
    assert response.status_code == 400


# --- Merging never makes a published incident vanish -------------------------------------------------


def _merge(client, duplicate, into):
    return client.post(_url("workflow:merge", pk=duplicate.pk), {"into": into.code, "version": duplicate.version}, follow=True)


def test_published_incident_cannot_be_merged_into_a_draft(client, editor, reviewer, reviewer2, make_incident):
    published = make_incident(editor, publish_by=reviewer)
    draft = make_incident(editor, title_ar="مسودة في بلد آخر", country="SYR")
    client.force_login(reviewer2)
    response = _merge(client, published, draft)
    assert "Merge only into a published incident" in _messages(response)
    assert Incident.objects.get(pk=published.pk).status == "published"
    assert client.get(f"/en/incidents/{published.code}/").status_code == 200


@pytest.mark.parametrize("closed", ["merged", "retracted"])
def test_merged_or_retracted_incident_cannot_be_merged_again(client, editor, reviewer, reviewer2, make_incident, closed):
    target = make_incident(editor, publish_by=reviewer)
    other = make_incident(editor, publish_by=reviewer, title_ar="آخر")
    duplicate = make_incident(editor, publish_by=reviewer, title_ar="مكرر")
    if closed == "merged":
        duplicate = services.incident_merge(duplicate=duplicate, into=other, user=reviewer2) and Incident.objects.get(pk=duplicate.pk)
    else:
        duplicate = services.incident_retract(incident=duplicate, user=reviewer2, note="خطأ")
    before = _state(duplicate)
    client.force_login(reviewer2)
    response = _merge(client, duplicate, target)
    assert "cannot be merged again" in _messages(response)
    assert _state(duplicate) == before


def test_retracted_target_is_refused(client, editor, reviewer, reviewer2, make_incident):
    target = services.incident_retract(incident=make_incident(editor, publish_by=reviewer), user=reviewer2, note="خطأ")
    duplicate = make_incident(editor, title_ar="مكرر")
    client.force_login(reviewer2)
    response = _merge(client, duplicate, target)
    assert "Merge only into a published incident" in _messages(response)
    assert Incident.objects.get(pk=duplicate.pk).status == "draft"


def test_merge_is_a_public_correction_of_the_target(client, editor, reviewer, reviewer2, make_incident):
    target = make_incident(editor, publish_by=reviewer, title_ar="الحادثة الباقية")
    duplicate = make_incident(editor, publish_by=reviewer, title_ar="الحادثة المكررة")
    client.force_login(reviewer2)
    _merge(client, duplicate, target)
    fresh = Incident.objects.get(pk=target.pk)
    assert (fresh.version, fresh.corrected_at is not None) == (target.version + 1, True)
    assert fresh.history.first().history_change_reason == "merged_in"  # the action code, shown translated
    assert duplicate.code not in client.get(f"/en/incidents/{target.code}/").content.decode()
    page = client.get(f"/en/incidents/{duplicate.code}/")
    assert page.status_code == 200
    assert f'href="/en/incidents/{target.code}/"' in page.content.decode()
    feed = client.get("/feeds/incidents.atom").content.decode()
    assert "Another report of the same incident was merged into this one" in feed
