"""Undated pastes read weekday dates against the day they were imported."""

import datetime

from django.utils import timezone

from annotation.models import Article
from incidents.drafting import engine_drafts

BODY = "أسفرت غارة جوية قرب الحويجة يوم الجمعة 22 نوفمبر عن مقتل ثلاثة مسلحين، بحسب بيان للجيش."


def test_published_date_wins(make_article):
    article = make_article(body=BODY, published_at=datetime.date(2025, 3, 14))
    assert article.reference_date == datetime.date(2025, 3, 14)


def test_undated_article_uses_its_import_day(make_article):
    article = make_article(body=BODY, published_at=None)
    imported = timezone.make_aware(datetime.datetime(2024, 11, 24, 10, 0))
    Article.objects.filter(pk=article.pk).update(created_at=imported)
    article.refresh_from_db()
    assert article.reference_date == datetime.date(2024, 11, 24)
    main = engine_drafts(article)[0]
    # 22 November fell on a Friday in 2024, the latest such year before the import day.
    assert (main.date, main.sub_event_type, main.killed) == (datetime.date(2024, 11, 22), "Air/drone strike", 3)
