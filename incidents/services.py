"""Writes for incidents: creation, the review workflow, corrections, retractions and merges.

Every function is keyword-only, runs in a transaction and logs the workflow action.
"""

import logging

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from incidents.models import (
    CasualtyFigure,
    CodeSequence,
    HistoryAction,
    Incident,
    IncidentActor,
    IncidentSource,
    PendingCorrection,
    PendingSource,
)
from incidents.search import search_document

log = logging.getLogger("marsad.workflow")


class StaleVersion(ValidationError):
    """Raised when someone else saved the record after the form was opened."""


def _next_code(*, country, year):
    with transaction.atomic():
        seq, _created = CodeSequence.objects.select_for_update().get_or_create(country=country, year=year)
        CodeSequence.objects.filter(pk=seq.pk).update(last=F("last") + 1)
        seq.refresh_from_db(fields=["last"])
        return f"{country}-{year}-{seq.last:05d}"


def _check_version(incident, expected_version):
    """Refuse a stale or missing version. ``None`` is a call from code (not a form) that read the row itself;
    a request always passes what it posted, "" when the field was missing."""
    if expected_version is None:
        return
    if expected_version == "":
        raise StaleVersion(
            _("This form did not say which version of the incident it was opened on, so nothing was saved. Reload the page and try again."),
            code="version_missing",
        )
    try:
        mine = int(expected_version)
    except (TypeError, ValueError):
        mine = None  # a forged or garbled version is treated as stale: nothing is saved
    if mine != incident.version:
        raise StaleVersion(
            _(
                "Someone else saved this incident while you were editing it (your version %(mine)s, now %(now)s). Your changes were not saved; review theirs and apply yours again."
            ),
            code="stale_version",
            params={"mine": expected_version, "now": incident.version},
        )


def _save(incident, *, fields=None):
    incident.search_text = search_document(incident)
    incident.version += 1
    incident.full_clean(exclude=["place", "created_by", "approved_by", "merged_into", "correction_approved_by"])
    if fields is None:
        incident.save()
    else:
        incident.save(update_fields=[*fields, "search_text", "version", "updated_at"])


def _record(incident, user, action):
    """What the next history row says: who, and an action code (HistoryAction) translated on display;
    the comment, note or correction is in the row's own fields."""
    incident._change_reason = action
    incident._history_user = user


def _log(action, incident, user, **extra):
    log.info(
        "workflow action=%s incident=%s status=%s user=%s %s",
        action,
        incident.code,
        incident.status,
        getattr(user, "username", None),
        " ".join(f"{k}={v}" for k, v in extra.items()),
    )


@transaction.atomic
def incident_create(*, created_by, **fields):
    """Create a draft incident with a fresh public code."""
    incident = Incident(created_by=created_by, **fields)
    if not incident.date_end:
        incident.date_end = incident.date_start
    incident.code = _next_code(country=incident.country, year=incident.date_start.year)
    incident.version = 0
    incident.last_changed_by = created_by
    _record(incident, created_by, HistoryAction.CREATED)
    _save(incident)
    _log("create", incident, created_by)
    return incident


@transaction.atomic
def incident_update(*, incident, user, expected_version=None, correction_approved_by=None, **fields):
    """Edit an incident; a published one records a public correction (with the reviewer who approved it,
    when ``user`` only proposed it)."""
    locked = Incident.objects.select_for_update().get(pk=incident.pk)
    _check_version(locked, expected_version)
    if locked.status in (Incident.Status.RETRACTED, Incident.Status.MERGED):
        raise ValidationError(_("A retracted or merged incident cannot be edited."), code="closed")
    correction_note = fields.pop("correction_note", "")
    for name, value in fields.items():
        setattr(locked, name, value)
    if locked.status == Incident.Status.PUBLISHED:
        if not correction_note:
            raise ValidationError(
                _("Say what was corrected: published incidents show a public correction notice."), code="correction_note_required"
            )
        locked.corrected_at = timezone.now()
        locked.correction_note = correction_note
        locked.correction_approved_by = correction_approved_by
    locked.last_changed_by = user
    _record(locked, user, HistoryAction.CORRECTED if correction_note else HistoryAction.EDITED)
    _save(locked)
    _log("update", locked, user)
    return locked


def _transition(incident, *, user, expected_version, allowed_from, action):
    locked = Incident.objects.select_for_update().get(pk=incident.pk)
    _check_version(locked, expected_version)
    if locked.status not in allowed_from:
        raise ValidationError(
            _("This incident is “%(status)s”; it cannot be %(action)s."),
            code="bad_transition",
            params={"status": locked.get_status_display(), "action": action},
        )
    return locked


@transaction.atomic
def incident_submit(*, incident, user, expected_version=None):
    """Draft → submitted for review."""
    locked = _transition(
        incident, user=user, expected_version=expected_version, allowed_from=[Incident.Status.DRAFT], action=_("submitted")
    )
    locked.status = Incident.Status.IN_REVIEW
    locked.submitted_by = user
    _record(locked, user, HistoryAction.SUBMITTED)
    _save(locked)
    _log("submit", locked, user)
    return locked


@transaction.atomic
def incident_send_back(*, incident, user, comment, expected_version=None):
    """In review → draft, with the reviewer's comment."""
    _require_reviewer(user)
    if not (comment or "").strip():
        raise ValidationError(_("Tell the author what to change."), code="comment_required")
    locked = _transition(
        incident, user=user, expected_version=expected_version, allowed_from=[Incident.Status.IN_REVIEW], action=_("sent back")
    )
    locked.status = Incident.Status.DRAFT
    locked.review_comment = comment.strip()
    _record(locked, user, HistoryAction.SENT_BACK)
    _save(locked)
    _log("send_back", locked, user)
    return locked


@transaction.atomic
def incident_approve(*, incident, user, expected_version=None):
    """In review → published. The approver must not be the author, nor who last changed or submitted it."""
    _require_reviewer(user)
    locked = _transition(
        incident, user=user, expected_version=expected_version, allowed_from=[Incident.Status.IN_REVIEW], action=_("approved")
    )
    if locked.created_by_id == user.pk:
        raise PermissionDenied(_("You cannot approve an incident you created: another reviewer must approve it."))
    if user.pk in (locked.submitted_by_id, locked.last_changed_by_id):
        raise PermissionDenied(
            _("You edited or submitted this version yourself: another reviewer must approve it, so that two people have seen it.")
        )
    locked.status = Incident.Status.PUBLISHED
    locked.approved_by = user
    locked.published_at = timezone.now()
    locked.review_comment = ""
    _record(locked, user, HistoryAction.APPROVED)
    _save(locked)
    _log("approve", locked, user)
    return locked


@transaction.atomic
def incident_retract(*, incident, user, note, expected_version=None):
    """Published → retracted with a public notice; the incident stays visible with the notice."""
    _require_reviewer(user)
    if not (note or "").strip():
        raise ValidationError(_("A retraction needs a public notice explaining why."), code="note_required")
    locked = _transition(
        incident, user=user, expected_version=expected_version, allowed_from=[Incident.Status.PUBLISHED], action=_("retracted")
    )
    locked.status = Incident.Status.RETRACTED
    locked.retracted_at = timezone.now()
    locked.retraction_note = note.strip()
    _record(locked, user, HistoryAction.RETRACTED)
    _save(locked)
    _close_open_proposals(locked, user)
    _log("retract", locked, user)
    return locked


@transaction.atomic
def incident_merge(*, duplicate, into, user, expected_version=None):
    """Fold a duplicate into a published incident: its sources move over (a public correction of the target),
    and it is marked merged; its public page then points readers to the target."""
    _require_reviewer(user)
    if duplicate.pk == into.pk:
        raise ValidationError(_("An incident cannot be merged into itself."), code="merge_self")
    duplicate = Incident.objects.select_for_update().get(pk=duplicate.pk)
    into = Incident.objects.select_for_update().get(pk=into.pk)
    _check_version(duplicate, expected_version)
    if duplicate.status in (Incident.Status.MERGED, Incident.Status.RETRACTED):
        raise ValidationError(
            _("%(code)s is “%(status)s”; it cannot be merged again."),
            code="merge_source_closed",
            params={"code": duplicate.code, "status": duplicate.get_status_display()},
        )
    if into.status != Incident.Status.PUBLISHED:
        raise ValidationError(
            _("Merge only into a published incident; %(code)s is “%(status)s”."),
            code="merge_target_not_published",
            params={"code": into.code, "status": into.get_status_display()},
        )
    have = set(into.sources.values_list("article_id", flat=True))
    for source in duplicate.sources.all():
        if source.article_id not in have:
            source.pk = None
            source.incident = into
            source.save()
    duplicate.status = Incident.Status.MERGED
    duplicate.merged_into = into
    duplicate.last_changed_by = user
    _record(duplicate, user, HistoryAction.MERGED)
    _save(duplicate)
    _close_open_proposals(duplicate, user)
    # The target changed in public (its sources, perhaps its page): a correction, in its history and the feed.
    into.corrected_at = timezone.now()
    into.correction_note = _("Another report of the same incident was merged into this one; its sources now support it.")
    into.correction_approved_by = None  # one reviewer's act, not a proposal someone else approved
    _record(into, user, HistoryAction.MERGED_IN)
    _save(into)
    _log("merge", duplicate, user, into=into.code)
    return into


def _close_open_proposals(incident, user):
    """A retracted or merged incident takes no more corrections or sources: the proposals still waiting for a
    second person are turned down by whoever closed the incident, so that no queue keeps them open."""
    now = timezone.now()
    for model in (PendingSource, PendingCorrection):
        open_ = model.objects.filter(incident=incident, status=model.Status.PENDING)
        # No one decides on their own proposal (a database constraint): the closer's own proposals close undecided.
        closed = open_.exclude(proposed_by=user).update(status=model.Status.REJECTED, decided_by=user, decided_at=now)
        closed += open_.filter(proposed_by=user).update(status=model.Status.REJECTED, decided_at=now)
        if closed:
            _log("proposals_closed", incident, user, kind=model._meta.model_name, count=closed)


def _require_reviewer(user):
    if not user.has_perm("incidents.approve_incident"):
        raise PermissionDenied(_("Only reviewers can do this."))


# --- Drafting from the editor's form: the incident with its actors, figures and sources -------------


def _resolve_entity(*, entity, name, types, default_type):
    """The chosen entity, else one whose Arabic name or alias is ``name``, else a new one of default_type."""
    from annotation.models import Entity

    if entity is not None:
        return entity.merged_into or entity
    name = (name or "").strip()
    if not name:
        return None
    found = Entity.objects.filter(type__in=types, name_ar=name, merged_into__isnull=True).first()
    if found is None:
        found = next(
            (e for e in Entity.objects.filter(type__in=types, merged_into__isnull=True, aliases__icontains=name) if name in e.aliases), None
        )
    if found is None:
        found, _created = Entity.objects.get_or_create(type=default_type, name_ar=name[:300])
    return found


def incident_refresh_search(*, incident):
    """Recompute the stored search text after actors or the place changed."""
    incident.search_text = search_document(incident)
    Incident.objects.filter(pk=incident.pk).update(search_text=incident.search_text)


def _replace_details(incident, *, actors, casualties, sources):
    from annotation.models import validate_span

    if actors is not None:
        incident.actors.all().delete()
        seen = set()
        for row in actors:
            entity = _resolve_entity(entity=row.get("entity"), name=row.get("name"), types=["ORG", "NORP", "PER"], default_type="ORG")
            if entity is None or (entity.pk, row["role"]) in seen:
                continue
            seen.add((entity.pk, row["role"]))
            IncidentActor.objects.create(
                incident=incident, entity=entity, role=row["role"], certainty=row.get("certainty") or IncidentActor.Certainty.CERTAIN
            )
    if casualties is not None:
        incident.casualties.all().delete()
        CasualtyFigure.objects.bulk_create(
            CasualtyFigure(
                incident=incident,
                category=row["category"],
                victim_class=row.get("victim_class") or CasualtyFigure.VictimClass.UNKNOWN,
                min_count=row["min_count"],
                max_count=row.get("max_count") if row.get("max_count") is not None else row["min_count"],
                qualifier=row.get("qualifier", ""),
                raw_phrase=row.get("raw_phrase", ""),
                claimant=row.get("claimant", ""),
                article=row.get("article"),
            )
            for row in casualties
        )
    if sources is not None:
        keep = set()
        for row in sources:
            article, start, end = row["article"], row.get("quote_start"), row.get("quote_end")
            if start is not None and end is not None:
                validate_span(article.body, start, end)
            IncidentSource.objects.update_or_create(
                incident=incident,
                article=article,
                defaults={"quote_start": start, "quote_end": end, "quote": article.body[start:end] if start is not None else ""},
            )
            keep.add(article.pk)
        incident.sources.exclude(article_id__in=keep).delete()


def _place_from_text(fields):
    """Link the place entity from the wording when the editor left the place empty."""
    from annotation.models import Entity

    if fields.get("place") is None and (fields.get("place_text") or "").strip():
        place = Entity.objects.filter(type="LOC", name_ar=fields["place_text"].strip(), merged_into__isnull=True).first()
        if place is not None:
            fields["place"] = place
            if fields.get("latitude") is None and place.latitude is not None:
                fields["latitude"], fields["longitude"] = place.latitude, place.longitude
            if not fields.get("admin1") and place.admin1:
                fields["admin1"] = place.admin1
    return fields


@transaction.atomic
def incident_create_draft(*, created_by, fields, actors=(), casualties=(), sources=()):
    """Create a draft incident with its actors, casualty figures and supporting articles."""
    incident = incident_create(created_by=created_by, **_place_from_text(dict(fields)))
    _replace_details(incident, actors=list(actors), casualties=list(casualties), sources=list(sources))
    incident_refresh_search(incident=incident)
    return incident


@transaction.atomic
def incident_update_draft(
    *, incident, user, expected_version, fields, actors=None, casualties=None, sources=None, correction_note="", correction_approved_by=None
):
    """Save the editor's form: fields, then the details; a stale version changes nothing."""
    fields = _place_from_text(dict(fields))
    if correction_note:
        fields["correction_note"] = correction_note
    incident = incident_update(
        incident=incident, user=user, expected_version=expected_version, correction_approved_by=correction_approved_by, **fields
    )
    _replace_details(incident, actors=actors, casualties=casualties, sources=sources)
    incident_refresh_search(incident=incident)
    return incident


@transaction.atomic
def incident_attach_source(*, incident, article, user, quote_start=None, quote_end=None):
    """Record that an article supports an existing incident (with an optional quote).

    On a draft or an incident in review the source is added at once (the incident's approval covers it);
    on a published incident it becomes a PendingSource that a second person approves
    (``pending_source_approve``) before the public sees it. Returns the IncidentSource or the PendingSource.
    """
    from annotation.models import validate_span

    incident = Incident.objects.select_for_update().get(pk=incident.pk)
    if incident.status in (Incident.Status.MERGED, Incident.Status.RETRACTED):
        raise ValidationError(_("A retracted or merged incident cannot take new sources."), code="closed")
    quote = ""
    if quote_start is not None and quote_end is not None:
        validate_span(article.body, quote_start, quote_end)
        quote = article.body[quote_start:quote_end]
    if incident.status == Incident.Status.PUBLISHED:
        pending, created = PendingSource.objects.get_or_create(
            incident=incident,
            article=article,
            status=PendingSource.Status.PENDING,
            defaults={"quote_start": quote_start, "quote_end": quote_end, "quote": quote, "proposed_by": user},
        )
        if not created:
            pending.quote_start, pending.quote_end, pending.quote, pending.proposed_by = quote_start, quote_end, quote, user
            pending.save(update_fields=["quote_start", "quote_end", "quote", "proposed_by"])
        _log("attach_proposed", incident, user, article=article.pk)
        return pending
    source, created = IncidentSource.objects.get_or_create(
        incident=incident, article=article, defaults={"quote_start": quote_start, "quote_end": quote_end, "quote": quote}
    )
    if not created and quote:
        source.quote_start, source.quote_end, source.quote = quote_start, quote_end, quote
        source.save(update_fields=["quote_start", "quote_end", "quote"])
    _log("attach", incident, user, article=article.pk)
    return source


def _decide(model, pending, *, user, expected_version, already_decided, own_proposal, related=()):
    """Lock a pending source or correction and its incident for a second person's decision: a reviewer, with the
    incident's version, on a proposal still pending that someone else made."""
    _require_reviewer(user)
    pending = model.objects.select_for_update(of=("self",)).select_related(*related).get(pk=pending.pk)
    incident = Incident.objects.select_for_update().get(pk=pending.incident_id)
    _check_version(incident, expected_version)
    if pending.status != model.Status.PENDING:
        raise ValidationError(already_decided, code="already_decided")
    if pending.proposed_by_id == user.pk:
        raise PermissionDenied(own_proposal)
    pending.decided_by, pending.decided_at = user, timezone.now()
    return pending, incident


def _decide_pending(pending, *, user, expected_version):
    return _decide(
        PendingSource,
        pending,
        user=user,
        expected_version=expected_version,
        already_decided=_("This source was already decided."),
        own_proposal=_("You proposed this source: another reviewer must approve it."),
        related=("article__source",),
    )


@transaction.atomic
def pending_source_approve(*, pending, user, expected_version=None):
    """A second person accepts a new source of a published incident: it goes public as a correction
    (version, history, updated_at and the feed)."""

    pending, incident = _decide_pending(pending, user=user, expected_version=expected_version)
    if incident.status != Incident.Status.PUBLISHED:
        raise ValidationError(_("The incident is no longer published; this source cannot be added."), code="closed")
    IncidentSource.objects.update_or_create(
        incident=incident,
        article=pending.article,
        defaults={"quote_start": pending.quote_start, "quote_end": pending.quote_end, "quote": pending.quote},
    )
    pending.status = PendingSource.Status.APPROVED
    pending.save(update_fields=["status", "decided_by", "decided_at"])
    outlet = pending.article.source.name if pending.article.source_id else ""
    incident.corrected_at = timezone.now()
    incident.correction_note = _("A new source was added: %(outlet)s.") % {"outlet": outlet} if outlet else _("A new source was added.")
    incident.correction_approved_by = user
    # The history row names both: who proposed the source (its user) and who approved it.
    _record(incident, pending.proposed_by, HistoryAction.CORRECTED)
    _save(incident)
    _log("attach_approved", incident, user, article=pending.article_id, proposed_by=pending.proposed_by_id)
    return incident


@transaction.atomic
def pending_source_reject(*, pending, user, expected_version=None):
    """A second person turns down a proposed source; the public record does not change."""

    pending, incident = _decide_pending(pending, user=user, expected_version=expected_version)
    pending.status = PendingSource.Status.REJECTED
    pending.save(update_fields=["status", "decided_by", "decided_at"])
    _log("attach_rejected", incident, user, article=pending.article_id)
    return incident


# --- Corrections of a published incident: proposed by one person, applied once a different reviewer approves ---


@transaction.atomic
def pending_correction_propose(*, incident, user, expected_version, payload, note):
    """Keep a correction of a published incident for a second reviewer; the public record does not change.

    One open correction per incident: its proposer may replace it with a newer one; anyone else is told to
    wait until it is decided (two people editing the same published record at once would overwrite each other).
    """

    locked = Incident.objects.select_for_update().get(pk=incident.pk)
    _check_version(locked, expected_version)
    if locked.status != Incident.Status.PUBLISHED:
        raise ValidationError(_("Only a published incident takes corrections."), code="not_published")
    if not (note or "").strip():
        raise ValidationError(
            _("Say what was corrected: published incidents show a public correction notice."), code="correction_note_required"
        )
    open_ = (
        PendingCorrection.objects.select_for_update(of=("self",)).filter(incident=locked, status=PendingCorrection.Status.PENDING).first()
    )
    if open_ is not None and open_.proposed_by_id != user.pk:
        raise ValidationError(
            _(
                "A correction by %(who)s already waits for a second reviewer. It must be approved or turned down before another is proposed."
            ),
            code="correction_open",
            params={"who": open_.proposed_by},
        )
    pending = open_ or PendingCorrection(incident=locked, proposed_by=user)
    pending.base_version, pending.payload, pending.note = locked.version, payload, note.strip()
    pending.proposed_at = timezone.now()
    pending.save()
    _log("correct_proposed", locked, user, replaced=open_ is not None)
    return pending


def _decide_correction(pending, *, user, expected_version):
    return _decide(
        PendingCorrection,
        pending,
        user=user,
        expected_version=expected_version,
        already_decided=_("This correction was already decided."),
        own_proposal=_("You proposed this correction: another reviewer must approve it."),
    )


@transaction.atomic
def pending_correction_approve(*, pending, user, expected_version, fields, actors=None, casualties=None, sources=None):
    """A different reviewer approves a proposed correction: it is applied through ``incident_update_draft``
    (version, history row, public correction note, updated_at and the feed) as the proposer's change,
    approved by ``user`` (the row and the public notice show that two people saw it).

    ``fields``/``actors``/``casualties``/``sources`` are the proposal's form, re-bound and re-validated by the caller.
    """

    pending, incident = _decide_correction(pending, user=user, expected_version=expected_version)
    if user.pk == incident.last_changed_by_id:
        raise PermissionDenied(_("You changed this incident last: another reviewer must approve this correction."))
    if incident.status != Incident.Status.PUBLISHED:
        raise ValidationError(_("The incident is no longer published; this correction cannot be applied."), code="closed")
    if incident.version != pending.base_version:
        raise ValidationError(
            _(
                "The incident changed after this correction was proposed (version %(base)s, now %(now)s). Turn it down; it must be proposed again."
            ),
            code="correction_stale",
            params={"base": pending.base_version, "now": incident.version},
        )
    incident = incident_update_draft(
        incident=incident,
        user=pending.proposed_by,
        expected_version=incident.version,
        fields=fields,
        actors=actors,
        casualties=casualties,
        sources=sources,
        correction_note=pending.note,
        correction_approved_by=user,
    )
    pending.status = PendingCorrection.Status.APPROVED
    pending.save(update_fields=["status", "decided_by", "decided_at"])
    _log("correct_approved", incident, user, proposed_by=pending.proposed_by_id)
    return incident


@transaction.atomic
def pending_correction_reject(*, pending, user, expected_version):
    """A different reviewer turns a proposed correction down; the public record does not change."""

    pending, incident = _decide_correction(pending, user=user, expected_version=expected_version)
    pending.status = PendingCorrection.Status.REJECTED
    pending.save(update_fields=["status", "decided_by", "decided_at"])
    _log("correct_rejected", incident, user, proposed_by=pending.proposed_by_id)
    return incident
