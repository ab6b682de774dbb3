import datetime
import json

import pytest
from django.core.exceptions import ValidationError

from annotation.intake.bulk import parse_csv, parse_jsonl
from annotation.intake.files import FileContent
from annotation.models import Article, ImportBatch, Source
from annotation.services.intake import batch_import

A = "انفجرت عبوة ناسفة في سوق شعبي وسط مدينة بعقوبة مركز محافظة ديالى صباح اليوم ما أدى إلى مقتل ثلاثة مدنيين وإصابة خمسة آخرين."
B = "اندلعت اشتباكات عنيفة بين قوات الأمن ومسلحين مجهولين في الجانب الأيمن من مدينة الموصل مساء أمس واستمرت حتى ساعات الفجر الأولى."
C = "أعلنت خلية الإعلام الأمني قتل عنصرين من تنظيم داعش بضربة جوية نفذتها طائرات إف 16 في وادي زغيتون جنوب غرب كركوك يوم الجمعة."


def _jsonl(*rows):
    return "\n".join(r if isinstance(r, str) else json.dumps(r, ensure_ascii=False) for r in rows)


def test_jsonl_rows_and_malformed_lines():
    rows = parse_jsonl(
        _jsonl({"text": A, "title": "عنوان", "published": "2025-03-14", "url": "https://n.test/1"}, "{not json", {"title": "بلا نص"})
    )
    assert [(r.number, bool(r.error)) for r in rows] == [(1, False), (2, True), (3, True)]
    assert rows[0].published == datetime.date(2025, 3, 14)
    assert "not valid JSON" in rows[1].error
    assert "no text" in rows[2].error


def test_jsonl_field_checks():
    rows = parse_jsonl(_jsonl({"body": A, "url": "ftp://x"}, {"body": A, "published": "أمس"}, [1, 2], {"body": A, "title": {"x": 1}}))
    assert ["url" in rows[0].error, "published" in rows[1].error, "object" in rows[2].error, "title" in rows[3].error] == [True] * 4


def test_csv_rows_with_wrong_column_count():
    content = f'title,text,url\nعنوان,"{A}",https://n.test/1\nفقط عنوان\nعنوان,"{B}",\n'
    rows = parse_csv(content)
    assert [(r.number, r.error) for r in rows] == [(2, ""), (3, "1 columns instead of 3"), (4, "")]
    assert rows[0].url == "https://n.test/1"


def test_csv_without_text_column():
    assert parse_csv("title,url\nx,y\n")[0].error == "the header has no “text” or “body” column"


def test_batch_import_reports_every_row(editor):
    content = _jsonl(
        {"text": A, "title": "انفجار في بعقوبة", "source": "وكالة أ", "published": "2025-03-14"},
        "{broken",
        {"text": B, "url": "https://n.test/b"},
        {"text": A},
        {"text": "   "},
        {"text": C, "published": "14/03/2025"},
    )
    batch = batch_import(upload=FileContent("jsonl", content, "rows.jsonl"), user=editor)
    statuses = [(e["row"], e["status"]) for e in batch.report]
    assert statuses == [(1, "imported"), (2, "refused"), (3, "imported"), (4, "skipped"), (5, "refused"), (6, "refused")]
    assert batch.report[3]["reason"] == "repeats row 1 of this file"
    assert batch.total == 2
    assert Article.objects.count() == 2
    first = Article.objects.get(pk=batch.report[0]["articles"][0])
    assert (first.title, first.source.name, first.published_at, first.import_batch_id) == (
        "انفجار في بعقوبة",
        "وكالة أ",
        datetime.date(2025, 3, 14),
        batch.pk,
    )


def test_batch_is_tagged_and_progress_complete(editor):
    batch = batch_import(upload=FileContent("jsonl", _jsonl({"text": A}, {"text": C}), "rows.jsonl"), user=editor)
    batch.refresh_from_db()
    assert (batch.total, batch.tagged) == (2, 2)
    assert set(Article.objects.values_list("tagging_status", flat=True)) == {Article.TaggingStatus.DONE}
    assert Article.objects.get(body=C).mentions.filter(label="LOC", text="كركوك").exists()


def test_duplicate_rows_in_the_same_file_are_skipped(editor):
    batch = batch_import(upload=FileContent("jsonl", _jsonl({"text": A}, {"text": A + " "}), "rows.jsonl"), user=editor)
    assert [e["status"] for e in batch.report] == ["imported", "skipped"]
    assert batch.report[1]["reason"] == "repeats row 1 of this file"


def test_url_already_imported_is_skipped(editor, make_article):
    make_article(body=C, url="https://n.test/c")
    batch = batch_import(upload=FileContent("jsonl", _jsonl({"text": A, "url": "https://n.test/c"}), "rows.jsonl"), user=editor)
    assert batch.report[0]["status"] == "skipped"
    assert "address already imported" in batch.report[0]["reason"]
    assert Article.objects.count() == 1


def test_csv_file_import(editor):
    content = f'text,title,source\n"{A}",أ,مصدر\nbroken,row,with,too,many\n"{B}",ب,مصدر\n'
    batch = batch_import(upload=FileContent("csv", content, "rows.csv"), user=editor)
    assert [(e["row"], e["status"]) for e in batch.report] == [(2, "imported"), (3, "refused"), (4, "imported")]
    assert Source.objects.filter(name="مصدر").count() == 1
    assert Article.objects.filter(source__name="مصدر").count() == 2


def test_no_half_imported_row_when_the_database_refuses(editor, monkeypatch):
    from annotation.services import intake

    real = Article.objects.bulk_create
    calls = []

    def flaky(objs, **kwargs):
        calls.append(len(objs))
        if len(objs) > 1 or objs[0].body == B:
            from django.db import IntegrityError

            raise IntegrityError("simulated")
        return real(objs, **kwargs)

    monkeypatch.setattr(intake.Article.objects, "bulk_create", flaky)
    batch = batch_import(upload=FileContent("jsonl", _jsonl({"text": A}, {"text": B}), "rows.jsonl"), user=editor)
    assert [e["status"] for e in batch.report] == ["imported", "refused"]
    assert list(Article.objects.values_list("body", flat=True)) == [A]
    assert ImportBatch.objects.get().total == 1


def test_empty_file_is_refused(editor):
    with pytest.raises(ValidationError):
        batch_import(upload=FileContent("jsonl", "\n\n", "rows.jsonl"), user=editor)


def test_suggestions_are_stored_like_orm_rows(editor):
    from annotation.models import Mention

    batch = batch_import(upload=FileContent("jsonl", _jsonl({"text": C}), "rows.jsonl"), user=editor)
    article = Article.objects.get(import_batch=batch)
    mention = Mention.objects.get(article=article, text="كركوك")
    assert (mention.status, mention.label, mention.original, mention.decided_by, mention.article_length) == (
        Mention.Status.SUGGESTED,
        "LOC",
        {},
        None,
        len(C),
    )
    assert mention.created_at is not None
    assert article.body[mention.start : mention.end] == "كركوك"


def test_tagging_again_keeps_editor_decisions_and_replaces_suggestions(editor, make_article):
    from annotation.models import Mention
    from annotation.services.suggestions import articles_tag

    article = make_article(body=C)
    articles_tag(articles=[article])
    first = Mention.objects.filter(article=article).count()
    decided = Mention.objects.filter(article=article, text="كركوك").get()
    Mention.objects.filter(pk=decided.pk).update(status=Mention.Status.ACCEPTED)
    articles_tag(articles=[article])
    assert Mention.objects.filter(article=article).count() == first
    assert Mention.objects.get(pk=decided.pk).status == Mention.Status.ACCEPTED


def test_batch_tagging_in_forked_processes(editor, monkeypatch):
    from annotation.models import Mention
    from annotation.services import suggestions

    batch = batch_import(upload=FileContent("jsonl", _jsonl({"text": A}, {"text": C}), "rows.jsonl"), user=editor, enqueue=False)
    monkeypatch.setattr(suggestions.threading, "active_count", lambda: 1)
    pools = []
    real_pool = suggestions.tagging_pool
    monkeypatch.setattr(suggestions, "tagging_pool", lambda processes: pools.append(real_pool(processes)) or pools[-1])
    assert suggestions.batch_tag(batch_id=batch.pk, chunk=1, processes=2) == 2
    assert pools and pools[0] is not None
    batch.refresh_from_db()
    assert batch.tagged == 2
    assert Mention.objects.filter(article__import_batch=batch, text="كركوك").exists()
