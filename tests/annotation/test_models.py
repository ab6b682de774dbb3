import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from annotation.models import Mention, validate_span


def test_span_outside_article_is_refused():
    with pytest.raises(ValidationError) as err:
        validate_span("بغداد", 2, 9)
    assert err.value.code == "span_out_of_bounds"


def test_span_text_must_match_body():
    with pytest.raises(ValidationError) as err:
        validate_span("قتل ثلاثة في بغداد", 13, 18, "البصرة")
    assert err.value.code == "span_text_mismatch"
    validate_span("قتل ثلاثة في بغداد", 13, 18, "بغداد")


def test_database_refuses_mention_past_end(make_article):
    article = make_article(body="انفجار في الموصل")
    with pytest.raises(IntegrityError), transaction.atomic():
        Mention.objects.create(article=article, start=10, end=40, text="الموصل", label="LOC")


def test_database_refuses_empty_span(make_article):
    article = make_article(body="انفجار في الموصل")
    with pytest.raises(IntegrityError), transaction.atomic():
        Mention.objects.create(article=article, start=10, end=10, text="", label="LOC")


def test_article_url_unique_only_when_present(make_article):
    make_article(url="")
    make_article(url="")
    make_article(url="https://news.test/a")
    with pytest.raises(IntegrityError), transaction.atomic():
        make_article(url="https://news.test/a")


def test_content_hash_ignores_whitespace(make_article):
    a = make_article(body="قتل  ثلاثة\nمدنيين")
    b = make_article(body="قتل ثلاثة مدنيين")
    assert a.content_hash == b.content_hash
