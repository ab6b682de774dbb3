"""Engine suggestions into Mention rows."""

from django.db import transaction

from annotation.models import Article, Entity, Mention


def _entity_ids(spans):
    keys = {s.entity_key for s in spans if s.entity_key}
    if not keys:
        return {}
    ids = {}
    # Engine keys for database entities are "entity:<pk>"; built-in data keys are matched by (label, name).
    pks = [int(k.split(":", 1)[1]) for k in keys if k.startswith("entity:") and k.split(":", 1)[1].isdigit()]
    for pk in Entity.objects.filter(pk__in=pks).values_list("pk", flat=True):
        ids[f"entity:{pk}"] = pk
    return ids


@transaction.atomic
def article_tag(*, article, tagger=None):
    """Replace an article's open suggestions with fresh ones from the engine; editors' decisions stay.

    Returns the number of suggestions created. Spans that overlap a decided mention are not suggested again.
    """
    if tagger is not None:
        result = tagger.tag(article.body, published=article.reference_date)
    else:
        from annotation import engine

        result = engine.suggest(article.body, published=article.reference_date)
    Mention.objects.filter(article=article, status=Mention.Status.SUGGESTED).delete()
    decided = list(Mention.objects.filter(article=article).values_list("start", "end", "label"))
    taken = {(s, e, lbl) for s, e, lbl in decided}
    entity_ids = _entity_ids(result.spans)
    length = len(article.body)
    new = []
    for span in result.spans:
        if (span.start, span.end, span.label) in taken or any(s < span.end and span.start < e for s, e, _lbl in decided):
            continue
        if not (0 <= span.start < span.end <= length) or article.body[span.start : span.end] != span.text:
            continue  # never store a span that does not match the text
        taken.add((span.start, span.end, span.label))
        new.append(
            Mention(
                article=article,
                start=span.start,
                end=span.end,
                article_length=length,
                text=span.text[:500],
                label=span.label,
                origin=span.origin if span.origin in Mention.Origin.values else Mention.Origin.RULES,
                confidence=max(0.0, min(1.0, float(span.confidence))),
                entity_id=entity_ids.get(span.entity_key),
            )
        )
    Mention.objects.bulk_create(new)
    Article.objects.filter(pk=article.pk).update(tagging_status=Article.TaggingStatus.DONE)
    article.tagging_status = Article.TaggingStatus.DONE
    article.draft_incidents = result.incidents
    return len(new)
