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


def test_database_refuses_casualty_min_above_max(editor, make_incident):
    from incidents.models import CasualtyFigure

    incident = make_incident(editor)
    with pytest.raises(IntegrityError), transaction.atomic():
        CasualtyFigure.objects.create(incident=incident, category="killed", min_count=5, max_count=3)


def test_database_refuses_duplicate_public_code(editor, make_incident):
    from incidents.models import Incident

    incident = make_incident(editor)
    other = make_incident(editor)
    with pytest.raises(IntegrityError), transaction.atomic():
        Incident.objects.filter(pk=other.pk).update(code=incident.code)


def test_database_refuses_published_without_approver(editor, make_incident):
    from incidents.models import Incident

    incident = make_incident(editor)
    with pytest.raises(IntegrityError), transaction.atomic():
        Incident.objects.filter(pk=incident.pk).update(status="published")


def test_mention_history_is_kept(make_article):
    article = make_article(body="انفجار في الموصل")
    mention = Mention.objects.create(article=article, start=10, end=16, text="الموصل", label="LOC")
    mention.status = Mention.Status.ACCEPTED
    mention.save()
    assert [h.status for h in mention.history.all()] == ["accepted", "suggested"]
