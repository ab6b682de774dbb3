"""Engine output into mentions: one write path whichever way the article came in."""

import datetime

from annotation import engine
from annotation.models import Article, ImportBatch, Mention
from annotation.nlp.types import Span, TagResult
from annotation.services import suggestions


class Recorder:
    """A tagger that records the reference date it was given and suggests the first word of the body."""

    def __init__(self):
        self.dates = []

    def tag(self, body, published=None):
        self.dates.append(published)
        word = body.split()[0]
        return TagResult(text=body, spans=[Span(0, len(word), word, "LOC", "lexicon", 0.9)])


def _undated(make_article, batch=None):
    article = make_article(body="كركوك شهدت انفجارا يوم الجمعة.", published_at=None, import_batch=batch)
    Article.objects.filter(pk=article.pk).update(created_at=datetime.datetime(2025, 6, 3, 9, 0, tzinfo=datetime.UTC))
    return Article.objects.get(pk=article.pk)


def test_single_and_batch_tagging_read_an_undated_article_against_its_import_day(make_article, editor, monkeypatch):
    recorder = Recorder()
    monkeypatch.setattr(engine, "get_engine", lambda: recorder)
    single = _undated(make_article)
    assert suggestions.article_tag(article=single) == 1
    batch = ImportBatch.objects.create(created_by=editor, filename="rows.jsonl", kind="file", total=1)
    _undated(make_article, batch=batch)
    assert suggestions.batch_tag(batch_id=batch.pk) == 1
    assert recorder.dates == [datetime.date(2025, 6, 3), datetime.date(2025, 6, 3)]


def test_both_paths_store_the_same_mention(make_article, editor, monkeypatch):
    monkeypatch.setattr(engine, "get_engine", Recorder)
    single = _undated(make_article)
    suggestions.article_tag(article=single)
    batch = ImportBatch.objects.create(created_by=editor, filename="rows.jsonl", kind="file", total=1)
    bulk = _undated(make_article, batch=batch)
    suggestions.batch_tag(batch_id=batch.pk)
    fields = ("start", "end", "text", "label", "origin", "confidence", "status", "article_length")
    rows = [tuple(Mention.objects.filter(article=a).values_list(*fields)) for a in (single, bulk)]
    assert rows[0] == rows[1] == ((0, 5, "كركوك", "LOC", "lexicon", 0.9, "suggested", 30),)
    assert {Article.objects.get(pk=a.pk).tagging_status for a in (single, bulk)} == {"done"}


class NestedPlace:
    """A tagger that reads the whole body as a facility and its last word as the place nested in it."""

    def tag(self, body, published=None):
        body = body.rstrip(".")
        last = body.rsplit(" ", 1)[-1]
        start = len(body) - len(last)
        return TagResult(
            text=body,
            spans=[Span(0, len(body), body, "FAC", "rules", 0.7)],
            nested=[Span(start, len(body), last, "LOC", "lexicon", 0.9)],
        )


def test_a_place_nested_in_a_facility_is_suggested_beside_it(make_article, monkeypatch):
    monkeypatch.setattr(engine, "get_engine", NestedPlace)
    article = make_article(body="مقر ولاية قفصة.", published_at=None)
    suggestions.article_tag(article=article)
    got = set(Mention.objects.filter(article=article).values_list("text", "label"))
    assert got == {("مقر ولاية قفصة", "FAC"), ("قفصة", "LOC")}
