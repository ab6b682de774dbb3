"""The review screen and its action endpoints, through the test client."""

import pytest
from django.urls import reverse

from annotation.models import Article, Mention
from annotation.services import review as services
from tests.factories import suggestion as suggest

BODY = "أعلنت خلية الإعلام الأمني مقتل عنصرين من تنظيم داعش في كركوك يوم الجمعة <b>&amp;</b>."


@pytest.fixture
def article(make_article):
    a = make_article(body=BODY, title="مقتل عنصرين في كركوك")
    suggest(a, "خلية الإعلام الأمني", "ORG")
    suggest(a, "تنظيم داعش", "ORG")
    suggest(a, "كركوك", "LOC")
    suggest(a, "الجمعة", "LOC", confidence=0.5)
    return a


def url(article):
    return reverse("annotation:review", kwargs={"pk": article.pk})


def action(article, mention, name):
    return reverse("annotation:mention_action", kwargs={"pk": article.pk, "mention_pk": mention.pk, "action": name})


def test_anonymous_is_sent_to_login(client, article):
    response = client.get(url(article))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


def test_user_without_permission_gets_403(client, outsider, article):
    client.force_login(outsider)
    assert client.get(url(article)).status_code == 403
    m = article.mentions.first()
    assert client.post(action(article, m, "accept"), {"version": 1}).status_code == 403


def test_page_shows_text_with_highlighted_spans_escaped(client, editor, article):
    client.force_login(editor)
    response = client.get(url(article))
    assert response.status_code == 200
    html = response.content.decode()
    kirkuk = article.mentions.get(text="كركوك")
    assert f'<mark id="m{kirkuk.pk}" class="m lbl-LOC st-suggested"' in html
    assert 'title="LOC · Knowledge base · 0.90 · Suggested">كركوك</mark>' in html
    # user text is escaped, never trusted as HTML
    assert "&lt;b&gt;&amp;amp;&lt;/b&gt;" in html
    assert "<b>&amp;</b>" not in html
    assert "js/review.js" in html
    assert "<script>" not in html


def test_query_count_does_not_grow_with_mentions(client, editor, make_article, django_assert_num_queries):
    client.force_login(editor)
    small = make_article(body="كركوك " * 5)
    big = make_article(body="كركوك " * 80)
    for a, n in ((small, 5), (big, 80)):
        Mention.objects.bulk_create(
            [Mention(article=a, start=i * 6, end=i * 6 + 5, article_length=len(a.body), text="كركوك", label="LOC") for i in range(n)]
        )
    client.get(url(small))  # warm up session/user caches
    with django_assert_num_queries(7) as small_ctx:
        client.get(url(small))
    with django_assert_num_queries(7):
        response = client.get(url(big))
    assert response.content.decode().count('class="m lbl-LOC') == 80
    assert len(small_ctx.captured_queries) == 7


def test_accept_without_js_redirects_to_next_open_suggestion(client, editor, article):
    client.force_login(editor)
    first = article.mentions.get(text="خلية الإعلام الأمني")
    second = article.mentions.get(text="تنظيم داعش")
    response = client.post(action(article, first, "accept"), {"version": 1})
    assert response.status_code == 302
    assert response["Location"] == url(article) + f"?m={second.pk}#m{second.pk}"
    first.refresh_from_db()
    assert (first.status, first.decided_by) == (Mention.Status.ACCEPTED, editor)


def test_fetch_action_returns_the_workspace_fragment(client, editor, article):
    client.force_login(editor)
    m = article.mentions.get(text="الجمعة")
    response = client.post(action(article, m, "relabel"), {"version": 1, "label": "DATE"}, headers={"X-Requested-With": "fetch"})
    assert response.status_code == 200
    html = response.content.decode()
    assert html.startswith('<div id="review-workspace"')
    assert 'data-version="2"' in html
    assert f'<mark id="m{m.pk}" class="m lbl-DATE st-corrected is-current"' in html
    assert "<html" not in html


def test_stale_version_is_refused_with_a_clear_message(client, editor, article):
    client.force_login(editor)
    m = article.mentions.get(text="كركوك")
    services.mention_accept(mention=article.mentions.get(text="تنظيم داعش"), user=editor)  # someone else, version 1 → 2
    response = client.post(action(article, m, "reject"), {"version": 1}, headers={"X-Requested-With": "fetch"})
    assert response.status_code == 409
    text = response.content.decode()
    assert "1" in text and "2" in text and len(text) > 40  # the stale-version message names both versions
    m.refresh_from_db()
    assert m.status == Mention.Status.SUGGESTED
    response = client.post(action(article, m, "reject"), {"version": 1}, follow=True)
    assert response.status_code == 200
    (message,) = [str(msg) for msg in response.context["messages"]]
    assert message == text


def test_boundary_step_and_add_and_undo(client, editor, article):
    client.force_login(editor)
    m = article.mentions.get(text="كركوك")
    client.post(action(article, m, "adjust"), {"version": 1, "step": "end:extend"})
    m.refresh_from_db()
    assert m.text == "كركوك يوم"
    start = BODY.index("عنصرين")
    response = client.post(
        reverse("annotation:mention_add", kwargs={"pk": article.pk}),
        {"version": 2, "start": start, "end": start + 6, "label": "PER", "text": "عنصرين"},
    )
    assert response.status_code == 302
    added = article.mentions.get(origin=Mention.Origin.EDITOR)
    assert (added.text, added.status) == ("عنصرين", Mention.Status.ADDED)
    client.post(action(article, m, "undo"), {"version": 3})
    m.refresh_from_db()
    assert (m.text, m.status) == ("كركوك", Mention.Status.SUGGESTED)


def test_forged_add_is_refused(client, editor, article):
    client.force_login(editor)
    response = client.post(
        reverse("annotation:mention_add", kwargs={"pk": article.pk}),
        {"version": 1, "start": 0, "end": 5, "label": "PER", "text": "كركوك"},
        headers={"X-Requested-With": "fetch"},
    )
    assert response.status_code == 400
    assert article.mentions.count() == 4


def test_bulk_accept_by_label_and_confidence(client, editor, article):
    client.force_login(editor)
    response = client.post(
        reverse("annotation:mentions_accept_bulk", kwargs={"pk": article.pk}), {"version": 1, "label": "LOC", "min_confidence": "0.8"}
    )
    assert response.status_code == 302
    assert sorted(article.mentions.filter(status="accepted").values_list("text", flat=True)) == ["كركوك"]


def test_link_to_entity_search_and_create(client, editor, article):
    client.force_login(editor)
    m = article.mentions.get(text="كركوك")
    client.post(action(article, m, "create-entity"), {"version": 1, "name_ar": "كركوك", "name_en": "Kirkuk"})
    m.refresh_from_db()
    assert (m.entity.name_en, m.entity.type) == ("Kirkuk", "LOC")
    response = client.get(url(article), {"m": m.pk, "q": "Kirk"})
    assert f'name="entity" value="{m.entity.pk}"' in response.content.decode()


def test_finish_review(client, editor, article):
    client.force_login(editor)
    response = client.post(reverse("annotation:article_finish", kwargs={"pk": article.pk}), {"version": 1})
    assert response.status_code == 302
    article.refresh_from_db()
    assert article.status == Article.Status.DONE


def test_train_button_enqueues_the_train_command(client, editor, monkeypatch):
    calls = []
    monkeypatch.setattr("annotation.services.review.call_command", lambda name, **kw: calls.append(name))
    client.force_login(editor)
    response = client.post(reverse("annotation:model_train"), {"next": "https://evil.example/"})
    assert (response.status_code, response["Location"], calls) == (302, reverse("workflow:dashboard"), ["train"])


def test_action_query_count_does_not_grow_with_mentions(client, editor, make_article, django_assert_max_num_queries):
    client.force_login(editor)
    counts = []
    for n in (5, 80):
        a = make_article(body="كركوك " * n)
        Mention.objects.bulk_create(
            [Mention(article=a, start=i * 6, end=i * 6 + 5, article_length=len(a.body), text="كركوك", label="LOC") for i in range(n)]
        )
        m = a.mentions.order_by("start").first()
        with django_assert_max_num_queries(20) as ctx:
            response = client.post(action(a, m, "accept"), {"version": 1}, headers={"X-Requested-With": "fetch"})
        assert response.status_code == 200
        counts.append(len(ctx.captured_queries))
    assert counts[0] == counts[1]


def test_entity_search_finds_aliases(editor, make_article):
    from annotation import selectors
    from annotation.models import Entity

    isis = Entity.objects.create(name_ar="تنظيم الدولة الإسلامية", name_en="Islamic State", type="ORG", aliases=["داعش", "الدولة"])
    Entity.objects.create(name_ar="داعش", type="LOC")  # another type: not offered for an ORG span
    assert selectors.entity_search(q="داعش", label="ORG") == [isis]
    assert selectors.entity_search(q="islamic", label="ORG") == [isis]
    assert selectors.entity_search(q="", label="ORG") == []


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("accept", {"version": "abc"}),
        ("adjust", {"version": 1, "start": "x", "end": "5"}),
        ("link", {"version": 1, "entity": "abc"}),
    ],
)
def test_garbage_input_is_refused_not_a_server_error(client, editor, article, name, data):
    client.force_login(editor)
    m = article.mentions.get(text="كركوك")
    response = client.post(action(article, m, name), data, headers={"X-Requested-With": "fetch"})
    assert response.status_code in (400, 409)
    m.refresh_from_db()
    assert m.status == Mention.Status.SUGGESTED


def test_review_page_in_english_is_left_to_right(client, editor, article):
    client.force_login(editor)
    response = client.get(f"/en/desk/articles/{article.pk}/review/")
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="en" dir="ltr">' in html
    assert 'id="article-text" class="article-text" dir="rtl" lang="ar"' in html  # the Arabic text stays right-to-left


FETCH = {"HTTP_X_REQUESTED_WITH": "fetch"}


def _said(response):
    return bytes.fromhex(response["X-Marsad-Message"]).decode("utf-8")


def test_finish_review_by_script_answers_in_place_with_the_message_and_a_way_back(client, editor, article):
    client.force_login(editor)
    response = client.post(reverse("annotation:article_finish", kwargs={"pk": article.pk}), {"version": 1}, **FETCH)
    assert response.status_code == 200
    assert 'id="review-workspace"' in response.content.decode()
    assert _said(response) == "Review finished; 4 suggestions were left undecided."
    assert response["X-Marsad-Next"] == reverse("workflow:dashboard")
    article.refresh_from_db()
    assert article.status == Article.Status.DONE


def test_finish_review_without_script_shows_the_message_on_the_desk(client, editor, article):
    client.force_login(editor)
    response = client.post(reverse("annotation:article_finish", kwargs={"pk": article.pk}), {"version": 1}, follow=True)
    assert "Review finished; 4 suggestions were left undecided." in response.content.decode()


def test_retrain_by_script_answers_in_place(client, editor, article, monkeypatch):
    calls = []
    monkeypatch.setattr("annotation.services.review.call_command", lambda name, **kw: calls.append(name))
    client.force_login(editor)
    response = client.post(reverse("annotation:model_train"), {"article": article.pk, "next": url(article)}, **FETCH)
    assert (response.status_code, calls) == (200, ["train"])
    assert _said(response) == "Training started in the background; the next suggestions will use the new model."
    response = client.post(reverse("annotation:model_train"), {"article": article.pk, "next": url(article)}, follow=True)
    assert "Training started in the background" in response.content.decode()


def test_relabel_is_confirmed_with_undo(client, editor, article):
    client.force_login(editor)
    m = article.mentions.get(text="الجمعة")
    response = client.post(action(article, m, "relabel"), {"version": 1, "label": "DATE"}, **FETCH)
    assert response.status_code == 200
    assert _said(response).startswith("“الجمعة” is now labelled ")
    assert response["X-Marsad-Undo"] == "1"


def test_confidence_has_a_latin_decimal_point_in_arabic(client, editor, article):
    """Figures with a fraction read «0.90» on the Arabic review screen, not the locale's «0,90»."""
    from django.utils import translation

    client.force_login(editor)
    with translation.override("ar"):
        html = client.get(url(article)).content.decode()
    assert '<span class="num">0.90</span>' in html
    assert "0,90" not in html
