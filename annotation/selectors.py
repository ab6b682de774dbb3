"""Reads for the editors' desk and the review screen.

The review page costs a fixed number of queries whatever the number of mentions: the article with
its source and the mentions with their entities (panels of the apps above add theirs, e.g. the
incidents the article supports: incidents.review_panel).
"""

import json
from collections import Counter
from dataclasses import dataclass

from django.db.models import Count, Q

from annotation.models import Article, Entity, Mention


@dataclass(frozen=True)
class Segment:
    """A stretch of the body: plain text, or the text of one highlighted mention."""

    text: str
    mention: Mention | None = None


def article_segments(body, mentions):
    """Cut the body into plain and highlighted stretches; rejected and overlapping mentions are not highlighted."""
    segments = []
    pos = 0
    for m in sorted(mentions, key=lambda m: (m.start, -m.end)):
        if m.status == Mention.Status.REJECTED or m.start < pos:
            continue
        if m.start > pos:
            segments.append(Segment(body[pos : m.start]))
        segments.append(Segment(body[m.start : m.end], m))
        pos = m.end
    if pos < len(body):
        segments.append(Segment(body[pos:]))
    return segments


def review_article(*, pk):
    """The article with its source (one query)."""
    return Article.objects.select_related("source", "imported_by").get(pk=pk)


def review_mentions(*, article):
    """All mentions of the article with their entity and decider (one query)."""
    return list(
        Mention.objects.filter(article=article).select_related("entity", "decided_by").only(*_REVIEW_FIELDS).order_by("start", "end", "id")
    )


# What the review screen shows; the rest of the row (and of the entity and the user) is never read there.
_REVIEW_FIELDS = (
    "id",
    "article_id",
    "start",
    "end",
    "text",
    "label",
    "status",
    "origin",
    "confidence",
    "entity_id",
    "reject_reason",
    "original",
    "decided_by_id",
    "decided_at",
    "entity__id",
    "entity__name_ar",
    "entity__name_en",
    "entity__type",
    "decided_by__id",
    "decided_by__username",
)


def review_counts(mentions):
    """How many mentions per status, plus the total and the open (still suggested) ones."""
    counts = dict.fromkeys(Mention.Status.values, 0)
    counts.update(Counter(m.status for m in mentions))
    counts["total"] = len(mentions)
    counts["open"] = counts[Mention.Status.SUGGESTED]
    return counts


def entity_search(*, q, label=None, limit=10):
    """Knowledge-base entities whose Arabic or English name contains q (aliases too on PostgreSQL and SQLite)."""
    q = (q or "").strip()
    if not q:
        return []
    # Aliases are JSON text: PostgreSQL stores Arabic as is, SQLite as \uXXXX escapes, so look for both spellings.
    escaped = json.dumps(q)[1:-1]
    names = Q(name_ar__icontains=q) | Q(name_en__icontains=q) | Q(aliases__icontains=q) | Q(aliases__icontains=escaped)
    qs = Entity.objects.filter(merged_into__isnull=True).filter(names)
    if label:
        qs = qs.filter(type=label)
    return list(qs.order_by("name_ar")[:limit])


def desk_articles(*, limit=50):
    """Articles waiting for review with their open-suggestion count."""
    return list(
        Article.objects.for_review()
        .select_related("source")
        .annotate(open_count=Count("mentions", filter=Q(mentions__status=Mention.Status.SUGGESTED)))
        .order_by("-created_at", "-id")[:limit]
    )


def desk_counts():
    return Article.objects.aggregate(
        new=Count("id", filter=Q(status=Article.Status.NEW)),
        in_review=Count("id", filter=Q(status=Article.Status.IN_REVIEW)),
        done=Count("id", filter=Q(status=Article.Status.DONE)),
    )
