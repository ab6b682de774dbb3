"""Engine output into suggested mentions: the one write path, for pasted articles, bulk imports, feeds
and retagging.

Every article is read against its reference date (``Article.reference_date``: the publication date,
else the day it was imported), whichever way it came in. Suggestions replace the article's open
suggestions; editors' decisions stay, and a span overlapping a decided mention is not suggested again.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import threading

from django.db import connection, transaction
from django.db.models import F
from django.utils import timezone
from django_tasks import task

from annotation import engine
from annotation.models import Article, Entity, ImportBatch, Mention

log = logging.getLogger("marsad.intake")


def _entity_ids(results) -> dict[str, int]:
    """Engine keys of database entities ("entity:<pk>") that still exist, mapped to their pk."""
    keys = {s.entity_key for r in results for s in (*r.spans, *r.nested) if s.entity_key and s.entity_key.startswith("entity:")}
    pks = [int(k.split(":", 1)[1]) for k in keys if k.split(":", 1)[1].isdigit()]
    if not pks:
        return {}
    return {f"entity:{pk}": pk for pk in Entity.objects.filter(pk__in=pks).values_list("pk", flat=True)}


def _mention_rows(article, result, decided, entity_ids) -> list[dict]:
    """The engine's spans for one article as Mention column values, minus what editors already decided."""
    taken = set(decided)
    length = len(article.body)
    origins = set(Mention.Origin.values)
    rows = []
    for span in (*result.spans, *result.nested):  # a place nested in a facility's name is suggested too
        if (span.start, span.end, span.label) in taken or any(s < span.end and span.start < e for s, e, _l in decided):
            continue
        if not (0 <= span.start < span.end <= length) or article.body[span.start : span.end] != span.text:
            continue  # never store a span that does not match the text
        taken.add((span.start, span.end, span.label))
        rows.append(
            {
                "article_id": article.pk,
                "start": span.start,
                "end": span.end,
                "article_length": length,
                "text": span.text[:500],
                "label": span.label,
                "origin": span.origin if span.origin in origins else Mention.Origin.RULES,
                "confidence": max(0.0, min(1.0, float(span.confidence))),
                "entity_id": entity_ids.get(span.entity_key),
            }
        )
    return rows


def mentions_insert(rows: list[dict]) -> None:
    """Insert suggested mentions with executemany: a 500-word article has ~60 suggestions, and the ORM's
    bulk_create spends ~10x longer preparing rows than the database spends storing them.

    Columns come from the model, so a field added later is filled with its default.
    """
    if not rows:
        return
    now = timezone.now()
    fields = [f for f in Mention._meta.concrete_fields if not f.primary_key]
    given = set(rows[0])
    constants = {}
    for f in fields:
        if f.attname in given:
            continue
        value = now if getattr(f, "auto_now", False) or getattr(f, "auto_now_add", False) else f.get_default()
        constants[f.attname] = f.get_db_prep_save(value, connection)
    quote = connection.ops.quote_name
    sql = "INSERT INTO {} ({}) VALUES ({})".format(  # noqa: S608 — quoted identifiers from the model, values are parameters
        quote(Mention._meta.db_table), ", ".join(quote(f.column) for f in fields), ", ".join(["%s"] * len(fields))
    )
    names = [f.attname for f in fields]
    params = [tuple(row[n] if n in given else constants[n] for n in names) for row in rows]
    with connection.cursor() as cursor:
        for start in range(0, len(params), 5000):
            cursor.executemany(sql, params[start : start + 5000])


_pool_tagger = None  # the tagger forked into pool processes


def _tag_in_child(job):
    body, reference_date = job
    return _pool_tagger.tag(body, published=reference_date)


def tagging_pool(processes: int):
    """A pool of forked processes that tag with the current engine, or None for one process.

    Only for single-threaded callers (the task worker, the benchmark): forking a threaded server is unsafe.
    """
    global _pool_tagger
    if processes <= 1 or threading.active_count() > 1 or "fork" not in multiprocessing.get_all_start_methods():
        return None
    _pool_tagger = engine.get_engine()
    # Children only run the engine on text; they never touch the inherited database connection.
    return multiprocessing.get_context("fork").Pool(processes)


def articles_tag(*, articles: list[Article], tagger=None, pool=None) -> int:
    """Tag articles with a fixed number of queries; returns the number of suggestions created."""
    if not articles:
        return 0
    ids = [a.pk for a in articles]
    if pool is not None:
        tagged = pool.map(_tag_in_child, [(a.body, a.reference_date) for a in articles], chunksize=4)
    else:
        tagger = tagger or engine.get_engine()
        tagged = [tagger.tag(a.body, published=a.reference_date) for a in articles]
    entity_ids = _entity_ids(tagged)
    with transaction.atomic():
        Mention.objects.filter(article_id__in=ids, status=Mention.Status.SUGGESTED).delete()
        decided: dict[int, list[tuple[int, int, str]]] = {}
        for article_id, start, end, label in Mention.objects.filter(article_id__in=ids).values_list("article_id", "start", "end", "label"):
            decided.setdefault(article_id, []).append((start, end, label))
        rows = []
        for article, result in zip(articles, tagged, strict=True):
            rows += _mention_rows(article, result, decided.get(article.pk, []), entity_ids)
        mentions_insert(rows)
        Article.objects.filter(pk__in=ids).update(tagging_status=Article.TaggingStatus.DONE)
    for article in articles:
        article.tagging_status = Article.TaggingStatus.DONE
    return len(rows)


def article_tag(*, article: Article, tagger=None) -> int:
    """Tag one article (a paste, a URL, a demo article); returns the number of suggestions created."""
    return articles_tag(articles=[article], tagger=tagger)


def batch_tag(*, batch_id: int, chunk: int = 100, processes: int = 1) -> int:
    """Tag a batch's articles that still wait, chunk by chunk, counting progress on the batch.

    ``processes`` > 1 tags in that many forked processes (the engine is pure Python and CPU-bound).
    """
    done = 0
    pending = Article.objects.filter(import_batch_id=batch_id).exclude(tagging_status=Article.TaggingStatus.DONE)
    ids = list(pending.order_by("pk").values_list("pk", flat=True))
    ImportBatch.objects.filter(pk=batch_id).update(tagged=F("total") - len(ids))
    pool = tagging_pool(processes) if len(ids) >= 2 * chunk else None
    try:
        for start in range(0, len(ids), chunk):
            articles = list(Article.objects.filter(pk__in=ids[start : start + chunk]).only("pk", "body", "published_at", "created_at"))
            try:
                articles_tag(articles=articles, pool=pool)
            except Exception:
                log.exception("tagging failed for batch %s", batch_id)
                Article.objects.filter(pk__in=[a.pk for a in articles]).update(tagging_status=Article.TaggingStatus.FAILED)
            done += len(articles)
            ImportBatch.objects.filter(pk=batch_id).update(tagged=F("tagged") + len(articles))
    finally:
        if pool is not None:
            pool.close()
            pool.join()
    return done


# Background work (django-tasks). The tasks live beside the services they run, so services can queue
# them without an import cycle.


@task()
def tag_batch(batch_id: int) -> int:
    """Tag the articles of an import batch, updating ImportBatch.tagged as chunks finish."""
    # Forked tagging processes are used only when the worker is single-threaded (see tagging_pool).
    return batch_tag(batch_id=batch_id, processes=min(4, os.cpu_count() or 1))


@task()
def tag_article(article_id: int) -> int:
    """Tag one article again (e.g. after a failed run)."""
    article = Article.objects.filter(pk=article_id).first()
    return article_tag(article=article) if article else 0


def batch_tag_enqueue(*, batch: ImportBatch) -> None:
    """Queue the tagging of a batch (runs at once with the immediate backend in tests)."""
    if batch.total:
        tag_batch.enqueue(batch_id=batch.pk)
