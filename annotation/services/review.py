"""Editors' decisions on suggested mentions: accept, reject, relabel, move a boundary, add, link, undo.

Every decision is stored on the Mention (status, decided_by, decided_at; ``original`` keeps the
suggestion as the engine made it) and in its history (simple_history), which is the training
signal for the engine's ``train`` command. Each write checks the article's version so that two
editors reviewing the same article never overwrite each other silently.
"""

import datetime
import io
import logging

from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.db import IntegrityError, transaction
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django_tasks import task
from simple_history.utils import bulk_update_with_history

from annotation import boundaries
from annotation.labels import LABELS
from annotation.models import Article, Entity, Mention, TrainingLock, validate_span

UNDO_REASON = "undo"
log = logging.getLogger("marsad.workflow")


class StaleArticle(ValidationError):
    """Raised when someone else changed the article's annotations after this page was opened."""


def _lock_article(article_id, expected_version):
    """Lock the article row, refuse a stale version and bump it; returns the locked article."""
    article = Article.objects.select_for_update().only("id", "version", "status", "body").get(pk=article_id)
    if expected_version == "":
        # A request always says which version it was made on (None is a call from code that holds the lock).
        raise StaleArticle(
            _(
                "This form did not say which version of the article it was opened on, so nothing was changed. Reload the page and try again."
            ),
            code="version_missing",
        )
    if expected_version is not None and _as_int(expected_version) != article.version:
        raise StaleArticle(
            _(
                "Someone else changed this article's annotations while you were reviewing it "
                "(your version %(mine)s, now %(now)s). Nothing was changed; reload the page to see their work."
            ),
            code="stale_version",
            params={"mine": expected_version, "now": article.version},
        )
    fields = {"version": F("version") + 1}
    if article.status == Article.Status.NEW:
        fields["status"] = Article.Status.IN_REVIEW
    Article.objects.filter(pk=article.pk).update(**fields)
    article.version += 1
    return article


def _as_int(value):
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def _snapshot(mention):
    return {
        "start": mention.start,
        "end": mention.end,
        "text": mention.text,
        "label": mention.label,
        "status": mention.status,
        "entity_id": mention.entity_id,
        "origin": mention.origin,
        "confidence": mention.confidence,
    }


def _decide(mention, *, user, status, reason):
    if not mention.original and mention.origin != Mention.Origin.EDITOR:
        mention.original = _snapshot(mention)
    mention.status = status
    mention.decided_by = user
    mention.decided_at = timezone.now()
    mention._change_reason = reason
    mention._history_user = user


def _corrected_status(mention):
    """ACCEPTED when the span and label are back to the suggestion, CORRECTED otherwise (ADDED stays ADDED)."""
    if mention.origin == Mention.Origin.EDITOR:
        return Mention.Status.ADDED
    o = mention.original or {}
    same = (o.get("start"), o.get("end"), o.get("label")) == (mention.start, mention.end, mention.label)
    return Mention.Status.ACCEPTED if same else Mention.Status.CORRECTED


def _save(mention, *, span_changed=True):
    if not span_changed:
        mention.save()  # status-only decisions cannot collide with another span; no savepoint needed
        return mention
    try:
        with transaction.atomic():
            mention.save()
    except IntegrityError:
        raise ValidationError(
            _("Another mention already covers “%(text)s” with the label %(label)s."),
            code="duplicate_span",
            params={"text": mention.text, "label": mention.label},
        )
    return mention


def _check_label(label):
    if label not in LABELS:
        raise ValidationError(_("Unknown label “%(label)s”."), code="unknown_label", params={"label": label})


def _locked_mention(mention, expected_version):
    article = _lock_article(mention.article_id, expected_version)
    m = Mention.objects.select_for_update().get(pk=mention.pk)
    m.article = article  # the locked row already holds the body; no second read of the article
    return m


@transaction.atomic
def mention_accept(*, mention, user, expected_version=None):
    """Accept a suggestion as it is (or confirm an edited one)."""
    m = _locked_mention(mention, expected_version)
    status = _corrected_status(m) if m.status in (Mention.Status.CORRECTED, Mention.Status.ADDED) else Mention.Status.ACCEPTED
    _decide(m, user=user, status=status, reason="accepted")
    m.reject_reason = ""
    return _save(m, span_changed=False)


@transaction.atomic
def mention_reject(*, mention, user, reason="", expected_version=None):
    """Reject a suggestion, optionally saying why."""
    m = _locked_mention(mention, expected_version)
    _decide(m, user=user, status=Mention.Status.REJECTED, reason="rejected")
    m.reject_reason = (reason or "").strip()[:300]
    return _save(m, span_changed=False)


@transaction.atomic
def mention_relabel(*, mention, user, label, expected_version=None):
    """Give the span another label."""
    _check_label(label)
    m = _locked_mention(mention, expected_version)
    _decide(m, user=user, status=m.status, reason=f"relabelled {m.label}→{label}")
    if m.label != label:
        m.label = label
        if m.entity_id:
            m.entity = None  # an entity of another type no longer fits
    m.status = _corrected_status(m)
    m.reject_reason = ""
    return _save(m)


@transaction.atomic
def mention_adjust(*, mention, user, start=None, end=None, edge=None, direction=None, expected_version=None):
    """Move a span's boundaries: either one step (edge + direction) or to given offsets, snapped to words and clitics."""
    m = _locked_mention(mention, expected_version)
    body = m.article.body
    if edge is not None:
        if edge not in ("start", "end") or direction not in ("extend", "shrink"):
            raise ValidationError(_("Unknown boundary change."), code="bad_adjust")
        new_start, new_end = boundaries.step(body, m.start, m.end, edge=edge, direction=direction)
    else:
        start = m.start if start in (None, "") else _as_int(start)
        end = m.end if end in (None, "") else _as_int(end)
        if start is None or end is None:
            raise ValidationError(_("The selection has no valid offsets."), code="bad_offsets")
        validate_span(body, start, end)
        snapped = boundaries.snap(body, start, end)
        if snapped is None:
            raise ValidationError(_("The new span holds no word."), code="empty_span")
        new_start, new_end = snapped
    if (new_start, new_end) == (m.start, m.end):
        raise ValidationError(_("This boundary cannot move further."), code="no_change")
    _decide(m, user=user, status=m.status, reason=f"span {m.start}-{m.end}→{new_start}-{new_end}")
    m.start, m.end = new_start, new_end
    m.text = body[new_start:new_end][:500]
    m.status = _corrected_status(m)
    m.reject_reason = ""
    return _save(m)


@transaction.atomic
def mention_add(*, article, user, start, end, label, text=None, snap=True, expected_version=None):
    """Add a span the engine missed, from an editor's selection.

    The offsets must lie inside the body and, when given, ``text`` must be the body at those offsets
    (a forged or stale selection is refused). The span is then snapped to word and clitic boundaries.
    """
    _check_label(label)
    try:
        start, end = int(start), int(end)
    except (TypeError, ValueError):
        raise ValidationError(_("The selection has no valid offsets."), code="bad_offsets")
    locked = _lock_article(article.pk, expected_version)
    body = locked.body
    validate_span(body, start, end, text)
    if snap:
        snapped = boundaries.snap(body, start, end)
        if snapped is None:
            raise ValidationError(_("The selection holds no word."), code="empty_span")
        start, end = snapped
    m = Mention(
        article=locked,
        start=start,
        end=end,
        article_length=len(body),
        text=body[start:end][:500],
        label=label,
        status=Mention.Status.ADDED,
        origin=Mention.Origin.EDITOR,
        confidence=1.0,
        decided_by=user,
        decided_at=timezone.now(),
    )
    m._change_reason = "added"
    m._history_user = user
    return _save(m)


@transaction.atomic
def mention_link_entity(*, mention, user, entity, expected_version=None):
    """Link the span to a knowledge-base entity (or unlink with entity=None)."""
    m = _locked_mention(mention, expected_version)
    if entity is not None:
        entity = entity.merged_into or entity
        if entity.type != m.label:
            raise ValidationError(
                _("“%(entity)s” is a %(type)s; this span is labelled %(label)s."),
                code="entity_type_mismatch",
                params={"entity": entity.name_ar, "type": entity.type, "label": m.label},
            )
    _decide(m, user=user, status=m.status, reason="linked" if entity else "unlinked")
    if m.status == Mention.Status.SUGGESTED:
        m.status = Mention.Status.ACCEPTED
    m.entity = entity
    return _save(m, span_changed=False)


@transaction.atomic
def entity_create_from_mention(*, mention, user, name_ar=None, name_en="", expected_version=None):
    """Create a knowledge-base entity named after the span (or reuse the one with that name) and link it."""
    name = (name_ar or mention.text).strip()
    if not name:
        raise ValidationError(_("The entity needs an Arabic name."), code="name_required")
    # Place names repeat across countries, so reuse the first entity of that name rather than get_or_create.
    entity = Entity.objects.filter(type=mention.label, name_ar=name[:300], merged_into__isnull=True).order_by("pk").first()
    if entity is None:
        entity = Entity.objects.create(type=mention.label, name_ar=name[:300], name_en=(name_en or "")[:300])
    return mention_link_entity(mention=mention, user=user, entity=entity, expected_version=expected_version)


@transaction.atomic
def mentions_accept_bulk(*, article, user, label, min_confidence, expected_version=None):
    """Accept every open suggestion of one label whose confidence is at least min_confidence; returns them."""
    _check_label(label)
    locked = _lock_article(article.pk, expected_version)
    mentions = list(
        Mention.objects.select_for_update().filter(
            article=locked, status=Mention.Status.SUGGESTED, label=label, confidence__gte=float(min_confidence)
        )
    )
    now = timezone.now()
    for m in mentions:
        m.original = _snapshot(m)
        m.status = Mention.Status.ACCEPTED
        m.decided_by = user
        m.decided_at = now
    if mentions:
        bulk_update_with_history(
            mentions,
            Mention,
            ["original", "status", "decided_by", "decided_at"],
            default_user=user,
            default_change_reason="accepted",
        )
    return mentions


_RESTORED = ("start", "end", "text", "label", "status", "entity_id", "reject_reason", "decided_by_id", "decided_at")


def _decision_stack(mention):
    """The mention's states with undone decisions popped off: the last entry is the current state.

    Engine suggestions are bulk-created without a history row, so their first state is ``original``.
    """
    stack = []
    if mention.original and mention.origin != Mention.Origin.EDITOR:
        base = {name: None for name in _RESTORED} | {k: v for k, v in mention.original.items() if k in _RESTORED}
        base |= {"status": Mention.Status.SUGGESTED, "reject_reason": ""}
        stack.append(base)
    for record in mention.history.order_by("history_date", "history_id"):
        if record.history_change_reason == UNDO_REASON:
            if len(stack) > 1:
                stack.pop()
        elif record.history_type == "+" and stack:
            continue  # the creation row repeats the suggestion already on the stack
        else:
            stack.append({name: getattr(record, name) for name in _RESTORED})
    return stack


@transaction.atomic
def mention_undo(*, mention, user, expected_version=None):
    """Go back to the mention's state before its last decision; an added mention is removed.

    Returns the restored mention, or None when an added mention was removed.
    """
    m = _locked_mention(mention, expected_version)
    stack = _decision_stack(m)
    if len(stack) < 2:
        if m.origin == Mention.Origin.EDITOR:
            m._change_reason = "removed by undo"
            m._history_user = user
            m.delete()
            return None
        raise ValidationError(_("There is nothing to undo on this mention."), code="nothing_to_undo")
    for name, value in stack[-2].items():
        setattr(m, name, value)
    m._change_reason = UNDO_REASON
    m._history_user = user
    return _save(m)


@transaction.atomic
def article_finish_review(*, article, user, expected_version=None):
    """Mark the article reviewed; returns the number of suggestions left undecided."""
    locked = _lock_article(article.pk, expected_version)
    Article.objects.filter(pk=locked.pk).update(status=Article.Status.DONE)
    return Mention.objects.filter(article=locked, status=Mention.Status.SUGGESTED).count()


# One training queued or running at a time: the lock is taken when one is queued and given back when it
# ends; a lock older than this is taken over, should a worker have died while training.
TRAIN_LOCK_SECONDS = 15 * 60


def _training_lock_take(user):
    """Take the training lock for ``user``; False while another training holds it."""
    now = timezone.now()
    TrainingLock.objects.get_or_create(pk=1)
    free = Q(held_since__isnull=True) | Q(held_since__lt=now - datetime.timedelta(seconds=TRAIN_LOCK_SECONDS))
    # One UPDATE reads and writes the row at once: of two concurrent requests only one changes it.
    return TrainingLock.objects.filter(free, pk=1).update(held_since=now, held_by=user) == 1


def _training_lock_release():
    TrainingLock.objects.filter(pk=1).update(held_since=None, held_by=None)


@task()
def train_model(requested_by=None):
    """Background work: run the engine's ``train`` command; returns its output for the result page."""
    out = io.StringIO()
    log.info("train requested_by=%s", requested_by)
    try:
        call_command("train", stdout=out)
    finally:
        _training_lock_release()
    return out.getvalue()[-4000:]


def model_train(*, user):
    """Ask the background worker to retrain the engine's model on the accepted annotations;
    refused while another training is queued or running (in any process)."""
    if not _training_lock_take(user):
        raise ValidationError(_("A training is already queued or running; start another once it has finished."), code="train_queued")
    try:
        return train_model.enqueue(requested_by=user.pk)
    except Exception:
        _training_lock_release()
        raise


@transaction.atomic
def mentions_apply_rows(*, article, user, rows, expected_version=None):
    """Apply the no-JavaScript formset: each row is a mention (or None for a new span) with status/label/start/end
    and ``changed``, the names of the fields the editor changed.

    All rows or none: a refused row rolls every change back. Returns the number of decisions made.
    """
    _lock_article(article.pk, expected_version)
    changed = 0
    for row in rows:
        mention = row.get("mention")
        if mention is None:
            mention_add(article=article, user=user, start=row["start"], end=row["end"], label=row["label"])
            changed += 1
            continue
        fields = row.get("changed", ())
        if ("start" in fields or "end" in fields) and (row["start"], row["end"]) != (mention.start, mention.end):
            mention = mention_adjust(mention=mention, user=user, start=row["start"], end=row["end"])
            changed += 1
        if "label" in fields and row["label"] != mention.label:
            mention = mention_relabel(mention=mention, user=user, label=row["label"])
            changed += 1
        if "status" in fields and row["status"] != mention.status:
            if row["status"] == Mention.Status.REJECTED:
                mention_reject(mention=mention, user=user, reason=row.get("reason", ""))
            elif row["status"] == Mention.Status.SUGGESTED:
                raise ValidationError(
                    _("“%(text)s”: a decision cannot be set back to suggested; use undo."), code="bad_status", params={"text": mention.text}
                )
            else:
                mention_accept(mention=mention, user=user)
            changed += 1
    return changed
