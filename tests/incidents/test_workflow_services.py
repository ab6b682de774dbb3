import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction

from incidents import services
from incidents.models import Incident


def test_create_assigns_sequential_public_codes(editor, make_incident):
    first = make_incident(editor)
    second = make_incident(editor)
    other_year = make_incident(editor, date_start=datetime.date(2024, 1, 2))
    assert (first.code, second.code, other_year.code) == ("IRQ-2025-00001", "IRQ-2025-00002", "IRQ-2024-00001")
    assert first.status == Incident.Status.DRAFT
    assert first.date_end == first.date_start


def test_reviewer_approves_submitted_incident(editor, reviewer, make_incident):
    incident = services.incident_submit(incident=make_incident(editor), user=editor)
    published = services.incident_approve(incident=incident, user=reviewer)
    published.refresh_from_db()
    assert published.status == Incident.Status.PUBLISHED
    assert published.approved_by == reviewer
    assert published.published_at is not None


def test_author_cannot_approve_own_incident(reviewer, make_incident):
    incident = services.incident_submit(incident=make_incident(reviewer), user=reviewer)
    with pytest.raises(PermissionDenied):
        services.incident_approve(incident=incident, user=reviewer)
    incident.refresh_from_db()
    assert incident.status == Incident.Status.IN_REVIEW


def test_editor_cannot_approve(editor, editor2, make_incident):
    incident = services.incident_submit(incident=make_incident(editor), user=editor)
    with pytest.raises(PermissionDenied):
        services.incident_approve(incident=incident, user=editor2)


def test_cannot_approve_a_draft(editor, reviewer, make_incident):
    with pytest.raises(ValidationError) as err:
        services.incident_approve(incident=make_incident(editor), user=reviewer)
    assert err.value.code == "bad_transition"


def test_stale_version_is_refused_and_nothing_changes(editor, make_incident):
    incident = make_incident(editor)
    opened_at = incident.version
    services.incident_update(incident=incident, user=editor, expected_version=opened_at, title_ar="العنوان الأول")
    with pytest.raises(services.StaleVersion):
        services.incident_update(incident=incident, user=editor, expected_version=opened_at, title_ar="العنوان الثاني")
    incident.refresh_from_db()
    assert incident.title_ar == "العنوان الأول"


def test_published_correction_requires_note_and_is_recorded(editor, reviewer, make_incident):
    incident = make_incident(editor, publish_by=reviewer)
    with pytest.raises(ValidationError):
        services.incident_update(incident=incident, user=reviewer, fatalities=4)
    corrected = services.incident_update(incident=incident, user=reviewer, fatalities=4, correction_note="عدد القتلى صُحح إلى 4")
    assert corrected.fatalities == 4
    assert corrected.corrected_at is not None
    row = corrected.history.first()
    assert (row.history_change_reason, row.correction_note) == ("corrected", "عدد القتلى صُحح إلى 4")


def test_retraction_keeps_incident_public_with_notice(editor, reviewer, make_incident):
    incident = make_incident(editor, publish_by=reviewer)
    retracted = services.incident_retract(incident=incident, user=reviewer, note="تبيّن أن الخبر غير صحيح")
    assert retracted.status == Incident.Status.RETRACTED
    assert Incident.objects.public().filter(pk=incident.pk).exists()


def test_send_back_needs_comment(editor, reviewer, make_incident):
    incident = services.incident_submit(incident=make_incident(editor), user=editor)
    with pytest.raises(ValidationError):
        services.incident_send_back(incident=incident, user=reviewer, comment="  ")
    back = services.incident_send_back(incident=incident, user=reviewer, comment="أضف المصدر")
    assert (back.status, back.review_comment) == (Incident.Status.DRAFT, "أضف المصدر")


def test_database_refuses_self_approval(editor, make_incident):
    incident = make_incident(editor)
    with pytest.raises(IntegrityError), transaction.atomic():
        Incident.objects.filter(pk=incident.pk).update(approved_by=editor)


def test_database_refuses_reversed_dates(editor, make_incident):
    incident = make_incident(editor)
    with pytest.raises(IntegrityError), transaction.atomic():
        Incident.objects.filter(pk=incident.pk).update(date_end=datetime.date(2020, 1, 1))


def test_merge_moves_sources(editor, reviewer, make_incident, make_article):
    from incidents.models import IncidentSource

    keep = make_incident(editor, publish_by=reviewer)
    dup = make_incident(editor)
    IncidentSource.objects.create(incident=dup, article=make_article(url="https://a.test/1"))
    services.incident_merge(duplicate=dup, into=keep, user=reviewer)
    dup.refresh_from_db()
    assert dup.status == Incident.Status.MERGED
    assert dup.merged_into == keep
    assert keep.sources.count() == 1


def test_retraction_closes_the_proposals_still_waiting(editor, editor2, reviewer, make_incident, make_article):
    from incidents.models import PendingCorrection, PendingSource

    incident = make_incident(editor, publish_by=reviewer)
    correction = services.pending_correction_propose(incident=incident, user=editor2, expected_version=None, payload={}, note="التاريخ خطأ")
    own_source = services.incident_attach_source(incident=incident, article=make_article(url="https://a.test/r1"), user=reviewer)
    other_source = services.incident_attach_source(incident=incident, article=make_article(url="https://a.test/r2"), user=editor)

    services.incident_retract(incident=incident, user=reviewer, note="تبيّن أن الخبر غير صحيح")

    correction.refresh_from_db()
    own_source.refresh_from_db()
    other_source.refresh_from_db()
    assert (correction.status, correction.decided_by) == (PendingCorrection.Status.REJECTED, reviewer)
    assert (other_source.status, other_source.decided_by) == (PendingSource.Status.REJECTED, reviewer)
    # The retracting reviewer's own proposal closes undecided: no one decides on their own proposal.
    assert (own_source.status, own_source.decided_by, own_source.decided_at is not None) == (PendingSource.Status.REJECTED, None, True)
    assert not PendingCorrection.objects.filter(status=PendingCorrection.Status.PENDING).exists()
    assert not PendingSource.objects.filter(status=PendingSource.Status.PENDING).exists()


def test_merge_closes_the_duplicates_waiting_correction(editor, editor2, reviewer, make_incident):
    from incidents.models import PendingCorrection

    keep = make_incident(editor, publish_by=reviewer)
    dup = make_incident(editor, publish_by=reviewer)
    correction = services.pending_correction_propose(incident=dup, user=editor2, expected_version=None, payload={}, note="عدد القتلى")
    kept = services.pending_correction_propose(incident=keep, user=editor2, expected_version=None, payload={}, note="المكان")

    services.incident_merge(duplicate=dup, into=keep, user=reviewer)

    correction.refresh_from_db()
    kept.refresh_from_db()
    assert correction.status == PendingCorrection.Status.REJECTED
    assert kept.status == PendingCorrection.Status.PENDING
