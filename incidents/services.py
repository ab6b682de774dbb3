"""Writes for incidents: creation, the review workflow, corrections, retractions and merges.

Every function is keyword-only, runs in a transaction and logs the workflow action.
"""

import logging

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from incidents.models import CodeSequence, HistoryAction, Incident
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
    if expected_version is None:
        return
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
    incident.full_clean(exclude=["place", "created_by", "approved_by", "merged_into"])
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
    _record(incident, created_by, HistoryAction.CREATED)
    _save(incident)
    _log("create", incident, created_by)
    return incident


@transaction.atomic
def incident_update(*, incident, user, expected_version=None, **fields):
    """Edit an incident; a published one records a public correction."""
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
    """In review → published. The approver must not be the author."""
    _require_reviewer(user)
    locked = _transition(
        incident, user=user, expected_version=expected_version, allowed_from=[Incident.Status.IN_REVIEW], action=_("approved")
    )
    if locked.created_by_id == user.pk:
        raise PermissionDenied(_("You cannot approve an incident you created: another reviewer must approve it."))
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
    _log("retract", locked, user)
    return locked


@transaction.atomic
def incident_merge(*, duplicate, into, user):
    """Fold a duplicate into another incident: its sources move over, it is marked merged."""
    _require_reviewer(user)
    if duplicate.pk == into.pk:
        raise ValidationError(_("An incident cannot be merged into itself."), code="merge_self")
    if into.status in (Incident.Status.MERGED, Incident.Status.RETRACTED):
        raise ValidationError(_("Merge into an incident that is still open or published."), code="merge_target_closed")
    duplicate = Incident.objects.select_for_update().get(pk=duplicate.pk)
    have = set(into.sources.values_list("article_id", flat=True))
    for source in duplicate.sources.all():
        if source.article_id not in have:
            source.pk = None
            source.incident = into
            source.save()
    duplicate.status = Incident.Status.MERGED
    duplicate.merged_into = into
    _record(duplicate, user, HistoryAction.MERGED)
    _save(duplicate)
    _log("merge", duplicate, user, into=into.code)
    return into


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
    from incidents.models import CasualtyFigure, IncidentActor, IncidentSource

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
def incident_update_draft(*, incident, user, expected_version, fields, actors=None, casualties=None, sources=None, correction_note=""):
    """Save the editor's form: fields, then the details; a stale version changes nothing."""
    fields = _place_from_text(dict(fields))
    if correction_note:
        fields["correction_note"] = correction_note
    incident = incident_update(incident=incident, user=user, expected_version=expected_version, **fields)
    _replace_details(incident, actors=actors, casualties=casualties, sources=sources)
    incident_refresh_search(incident=incident)
    return incident


@transaction.atomic
def incident_attach_source(*, incident, article, user, quote_start=None, quote_end=None):
    """Record that an article supports an existing incident (with an optional quote)."""
    from annotation.models import validate_span
    from incidents.models import IncidentSource

    if incident.status in (Incident.Status.MERGED, Incident.Status.RETRACTED):
        raise ValidationError(_("A retracted or merged incident cannot take new sources."), code="closed")
    quote = ""
    if quote_start is not None and quote_end is not None:
        validate_span(article.body, quote_start, quote_end)
        quote = article.body[quote_start:quote_end]
    source, created = IncidentSource.objects.get_or_create(
        incident=incident, article=article, defaults={"quote_start": quote_start, "quote_end": quote_end, "quote": quote}
    )
    if not created and quote:
        source.quote_start, source.quote_end, source.quote = quote_start, quote_end, quote
        source.save(update_fields=["quote_start", "quote_end", "quote"])
    _log("attach", incident, user, article=article.pk)
    return source
