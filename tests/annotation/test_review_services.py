"""Editors' decisions on mentions, through the review services."""

import pytest
from django.core.exceptions import ValidationError

from annotation import boundaries
from annotation.models import Article, Entity, Mention
from annotation.services import review

BODY = "قتل مسلحون ثلاثة مدنيين في وبغداد يوم الخميس."


def suggest(article, text, label, confidence=0.9, origin=Mention.Origin.LEXICON, occurrence=0):
    start = -1
    for _ in range(occurrence + 1):
        start = article.body.index(text, start + 1)
    # Engine suggestions are bulk-created (no history row), like article_tag does.
    (m,) = Mention.objects.bulk_create(
        [
            Mention(
                article=article,
                start=start,
                end=start + len(text),
                article_length=len(article.body),
                text=text,
                label=label,
                origin=origin,
                confidence=confidence,
            )
        ]
    )
    return Mention.objects.get(pk=m.pk)


@pytest.fixture
def article(make_article):
    return make_article(body=BODY)


def test_accept_records_who_when_and_the_suggestion(article, editor):
    m = suggest(article, "بغداد", "LOC")
    review.mention_accept(mention=m, user=editor, expected_version=1)
    m.refresh_from_db()
    assert (m.status, m.decided_by, m.decided_at is not None) == (Mention.Status.ACCEPTED, editor, True)
    assert m.original == {
        "start": 28,
        "end": 33,
        "text": "بغداد",
        "label": "LOC",
        "status": "suggested",
        "entity_id": None,
        "origin": "lexicon",
        "confidence": 0.9,
    }
    article.refresh_from_db()
    assert (article.version, article.status) == (2, Article.Status.IN_REVIEW)
    assert m.history.count() == 1
    assert (m.history.first().history_user, m.history.first().history_change_reason) == (editor, "accepted")


def test_reject_keeps_the_reason(article, editor):
    m = suggest(article, "الخميس", "LOC")
    review.mention_reject(mention=m, user=editor, reason="يوم من الأسبوع")
    m.refresh_from_db()
    assert (m.status, m.reject_reason) == (Mention.Status.REJECTED, "يوم من الأسبوع")


def test_relabel_marks_corrected_and_keeps_original_label(article, editor):
    m = suggest(article, "الخميس", "LOC")
    review.mention_relabel(mention=m, user=editor, label="DATE")
    m.refresh_from_db()
    assert (m.label, m.status, m.original["label"]) == ("DATE", Mention.Status.CORRECTED, "LOC")


def test_relabel_refuses_unknown_label(article, editor):
    m = suggest(article, "الخميس", "LOC")
    with pytest.raises(ValidationError) as err:
        review.mention_relabel(mention=m, user=editor, label="XYZ")
    assert err.value.code == "unknown_label"
    m.refresh_from_db()
    assert m.label == "LOC"


def test_stale_version_changes_nothing(article, editor, editor2):
    m = suggest(article, "بغداد", "LOC")
    review.mention_accept(mention=m, user=editor, expected_version=1)
    with pytest.raises(review.StaleArticle) as err:
        review.mention_reject(mention=m, user=editor2, expected_version=1)
    assert err.value.code == "stale_version"
    m.refresh_from_db()
    article.refresh_from_db()
    assert (m.status, m.decided_by, article.version) == (Mention.Status.ACCEPTED, editor, 2)


def test_shrink_start_drops_the_proclitic(article, editor):
    m = suggest(article, "وبغداد", "LOC")
    review.mention_adjust(mention=m, user=editor, edge="start", direction="shrink")
    m.refresh_from_db()
    assert (m.text, m.status) == ("بغداد", Mention.Status.CORRECTED)
    assert m.original["text"] == "وبغداد"


def test_extend_end_takes_the_next_word_and_shrink_returns(article, editor):
    m = suggest(article, "ثلاثة", "DATE")
    review.mention_adjust(mention=m, user=editor, edge="end", direction="extend")
    m.refresh_from_db()
    assert m.text == "ثلاثة مدنيين"
    review.mention_adjust(mention=m, user=editor, edge="end", direction="shrink")
    m.refresh_from_db()
    assert (m.text, m.status) == ("ثلاثة", Mention.Status.ACCEPTED)


def test_adjust_to_offsets_snaps_to_word(article, editor):
    m = suggest(article, "ثلاثة", "DATE")
    start = BODY.index("مدنيين")
    review.mention_adjust(mention=m, user=editor, start=start + 2, end=start + 4)
    m.refresh_from_db()
    assert (m.start, m.end, m.text) == (start, start + 6, "مدنيين")


def test_add_from_selection_snaps_and_is_marked_editor(article, editor):
    start = BODY.index("مسلحون")
    m = review.mention_add(article=article, user=editor, start=start + 1, end=start + 3, label="ORG", text=BODY[start + 1 : start + 3])
    assert (m.text, m.status, m.origin, m.decided_by) == ("مسلحون", Mention.Status.ADDED, Mention.Origin.EDITOR, editor)


def test_add_refuses_forged_offsets(article, editor):
    with pytest.raises(ValidationError) as err:
        review.mention_add(article=article, user=editor, start=3, end=9, label="ORG", text="بغداد")
    assert err.value.code == "span_text_mismatch"
    with pytest.raises(ValidationError) as err:
        review.mention_add(article=article, user=editor, start=40, end=400, label="ORG")
    assert err.value.code == "span_out_of_bounds"
    assert Mention.objects.count() == 0
    article.refresh_from_db()
    assert article.version == 1


def test_add_refuses_unknown_label(article, editor):
    with pytest.raises(ValidationError) as err:
        review.mention_add(article=article, user=editor, start=0, end=3, label="BAD")
    assert err.value.code == "unknown_label"


def test_add_refuses_a_duplicate_span(article, editor):
    suggest(article, "بغداد", "LOC")
    start = BODY.index("بغداد")
    with pytest.raises(ValidationError) as err:
        review.mention_add(article=article, user=editor, start=start, end=start + 5, label="LOC")
    assert err.value.code == "duplicate_span"


def test_undo_walks_back_step_by_step(article, editor):
    m = suggest(article, "الخميس", "LOC")
    review.mention_relabel(mention=m, user=editor, label="DATE")
    review.mention_reject(mention=m, user=editor, reason="x")
    review.mention_undo(mention=m, user=editor)
    m.refresh_from_db()
    assert (m.status, m.label) == (Mention.Status.CORRECTED, "DATE")
    review.mention_undo(mention=m, user=editor)
    m.refresh_from_db()
    assert (m.status, m.label, m.decided_by) == (Mention.Status.SUGGESTED, "LOC", None)
    with pytest.raises(ValidationError) as err:
        review.mention_undo(mention=m, user=editor)
    assert err.value.code == "nothing_to_undo"


def test_undo_removes_an_added_mention(article, editor):
    m = review.mention_add(article=article, user=editor, start=0, end=3, label="PER")
    assert review.mention_undo(mention=m, user=editor) is None
    assert not Mention.objects.filter(pk=m.pk).exists()


def test_bulk_accept_by_label_and_confidence(article, editor):
    high = suggest(article, "بغداد", "LOC", confidence=0.9)
    low = suggest(article, "الخميس", "LOC", confidence=0.4)
    other = suggest(article, "مسلحون", "ORG", confidence=0.95)
    accepted = review.mentions_accept_bulk(article=article, user=editor, label="LOC", min_confidence=0.5)
    assert [m.pk for m in accepted] == [high.pk]
    statuses = dict(Mention.objects.values_list("pk", "status"))
    assert statuses == {high.pk: "accepted", low.pk: "suggested", other.pk: "suggested"}
    high.refresh_from_db()
    assert (high.decided_by, high.history.count()) == (editor, 1)
    review.mention_undo(mention=high, user=editor)
    high.refresh_from_db()
    assert high.status == Mention.Status.SUGGESTED


def test_link_and_create_entity(article, editor):
    m = suggest(article, "بغداد", "LOC")
    review.entity_create_from_mention(mention=m, user=editor, name_en="Baghdad")
    m.refresh_from_db()
    assert (m.entity.name_ar, m.entity.name_en, m.entity.type, m.status) == ("بغداد", "Baghdad", "LOC", Mention.Status.ACCEPTED)
    person = Entity.objects.create(name_ar="تحسين الخفاجي", type="PER")
    with pytest.raises(ValidationError) as err:
        review.mention_link_entity(mention=m, user=editor, entity=person)
    assert err.value.code == "entity_type_mismatch"


def test_finish_review_marks_article_done(article, editor):
    suggest(article, "بغداد", "LOC")
    assert review.article_finish_review(article=article, user=editor) == 1
    article.refresh_from_db()
    assert article.status == Article.Status.DONE


def test_train_trigger_calls_the_engine_command(editor, monkeypatch):
    calls = []
    monkeypatch.setattr("annotation.services.review.call_command", lambda name, **kw: calls.append(name))
    review.model_train(user=editor)
    assert calls == ["train"]


@pytest.mark.parametrize(
    ("text", "start", "end", "expected"),
    [
        ("وبغداد مدينة", 0, 6, (0, 6)),
        ("وبغداد مدينة", 3, 4, (2, 6)),  # inside the stem → back to the stem start after و+ب
        ("في الموصل", 6, 7, (5, 9)),  # inside the stem after ال → back to the stem start
        ("في الموصل", 4, 6, (3, 9)),  # inside the article ال → the whole word
        ("  بغداد  ", 0, 9, (2, 7)),
    ],
)
def test_snap(text, start, end, expected):
    assert boundaries.snap(text, start, end) == expected
