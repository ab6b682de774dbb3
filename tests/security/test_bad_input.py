"""Bad input refused with a clear message and nothing stored half-way: spans, labels, versions.

(Empty, 10 MB, binary, Windows-1256 and malformed CSV/JSON uploads are covered by the intake
tests in tests/annotation/test_intake_*.py.)
"""

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import translation

from annotation.models import Article, Mention, validate_span

BODY = "قتل مسلحون ثلاثة مدنيين في بعقوبة يوم الخميس."
FETCH = {"HTTP_X_REQUESTED_WITH": "fetch"}


@pytest.mark.parametrize(
    ("start", "end", "text", "code"),
    [
        (-1, 3, None, "span_out_of_bounds"),
        (0, len(BODY) + 1, None, "span_out_of_bounds"),
        (10, 10, None, "span_out_of_bounds"),
        (12, 5, None, "span_out_of_bounds"),
        (None, 5, None, "span_out_of_bounds"),
        (0, 3, "قتل", None),
        (0, 3, "قتلى", "span_text_mismatch"),
        (27, 33, "بغداد", "span_text_mismatch"),
    ],
)
def test_validate_span(start, end, text, code):
    if code is None:
        validate_span(BODY, start, end, text)
        return
    with translation.override("en"):
        with pytest.raises(ValidationError) as info:
            validate_span(BODY, start, end, text)
        message = " ".join(info.value.messages)
    assert info.value.code == code
    if code == "span_out_of_bounds":
        assert f"lies outside the article (length {len(BODY)})" in message
    else:
        assert f"does not match the article at {start}–{end}" in message
        assert text in message


@pytest.mark.django_db
def test_model_validation_and_database_refuse_bad_spans(make_article):
    article = make_article(body=BODY)
    with pytest.raises(ValidationError):
        Mention(article=article, start=27, end=33, text="بغداد", label="LOC").full_clean()
    with pytest.raises(ValidationError):
        Mention(article=article, start=27, end=33, text=BODY[27:33], label="NOPE").full_clean()  # unknown label
    # Even code that skips validation cannot store a span past the end or an empty one.
    with pytest.raises(IntegrityError), transaction.atomic():
        Mention.objects.create(article=article, start=40, end=len(BODY) + 5, text="x", label="LOC")
    with pytest.raises(IntegrityError), transaction.atomic():
        Mention.objects.create(article=article, start=5, end=5, text="", label="LOC")
    assert article.mentions.count() == 0


@pytest.fixture
def review(client, editor, make_article):
    article = make_article(body=BODY)
    start = BODY.index("بعقوبة")
    mention = Mention.objects.create(
        article=article, start=start, end=start + 6, text="بعقوبة", label="LOC", origin="lexicon", confidence=0.9
    )
    client.force_login(editor)
    return article, mention


def _url(name, **kwargs):
    with translation.override("en"):
        return reverse(name, kwargs=kwargs)


def _unchanged(article, mention):
    fresh = Article.objects.get(pk=article.pk)
    assert fresh.version == article.version
    m = Mention.objects.get(pk=mention.pk)
    assert (m.start, m.end, m.label, m.status, m.decided_by_id) == (mention.start, mention.end, mention.label, mention.status, None)
    assert Mention.objects.filter(article=article).count() == 1


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"start": "-4", "end": "3", "label": "PER"}, "lies outside the article"),
        ({"start": "40", "end": "4000", "label": "PER"}, "lies outside the article"),
        ({"start": "5", "end": "2", "label": "PER"}, "lies outside the article"),
        ({"start": "0", "end": "3", "label": "PER", "text": "قتلى"}, "does not match the article"),
        ({"start": "abc", "end": "3", "label": "PER"}, "no valid offsets"),
        ({"start": "0", "end": "3", "label": "ALIEN"}, "Unknown label “ALIEN”"),
        ({"start": "0", "end": "3", "label": ""}, "Unknown label"),
    ],
)
def test_review_add_refuses_bad_spans_and_labels(client, review, data, message):
    article, mention = review
    response = client.post(_url("annotation:mention_add", pk=article.pk), data | {"version": article.version}, **FETCH)
    assert response.status_code == 400
    assert message in response.content.decode()
    _unchanged(article, mention)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("action", "data", "message"),
    [
        ("relabel", {"label": "ALIEN"}, "Unknown label “ALIEN”"),
        ("adjust", {"start": "0", "end": "9999"}, "lies outside the article"),
        ("adjust", {"start": "-3", "end": "4"}, "lies outside the article"),
    ],
)
def test_review_actions_refuse_bad_input(client, review, action, data, message):
    article, mention = review
    url = _url("annotation:mention_action", pk=article.pk, mention_pk=mention.pk, action=action)
    response = client.post(url, data | {"version": article.version}, **FETCH)
    assert response.status_code == 400
    assert message in response.content.decode()
    _unchanged(article, mention)


@pytest.mark.django_db
def test_review_refuses_a_stale_version(client, review):
    article, mention = review
    url = _url("annotation:mention_action", pk=article.pk, mention_pk=mention.pk, action="accept")
    response = client.post(url, {"version": article.version - 1 if article.version > 1 else article.version + 5}, **FETCH)
    assert response.status_code == 409
    assert "Someone else changed this article" in response.content.decode()
    _unchanged(article, mention)


@pytest.mark.django_db
def test_review_refuses_mentions_of_another_article_and_unknown_actions(client, review, make_article):
    article, mention = review
    other = make_article(body="نص آخر عن كركوك.", url="https://example.org/other")
    assert (
        client.post(_url("annotation:mention_action", pk=other.pk, mention_pk=mention.pk, action="accept"), {}, **FETCH).status_code == 404
    )
    assert (
        client.post(_url("annotation:mention_action", pk=article.pk, mention_pk=mention.pk, action="delete"), {}, **FETCH).status_code
        == 404
    )
    assert client.post(_url("annotation:mention_action", pk=article.pk, mention_pk=999999, action="accept"), {}, **FETCH).status_code == 404
    _unchanged(article, mention)


@pytest.mark.django_db
@pytest.mark.parametrize("confidence", ["abc", "1.5", "-0.1"])
def test_bulk_accept_refuses_bad_confidence(client, review, confidence):
    article, mention = review
    url = _url("annotation:mentions_accept_bulk", pk=article.pk)
    response = client.post(url, {"label": "LOC", "min_confidence": confidence, "version": article.version}, **FETCH)
    assert response.status_code == 400
    assert "between 0 and 1" in response.content.decode()
    _unchanged(article, mention)


@pytest.mark.django_db
def test_bulk_accept_refuses_unknown_label(client, review):
    article, mention = review
    url = _url("annotation:mentions_accept_bulk", pk=article.pk)
    response = client.post(url, {"label": "<script>", "min_confidence": "0.1", "version": article.version}, **FETCH)
    assert response.status_code == 400
    assert "Unknown label" in response.content.decode()
    _unchanged(article, mention)


@pytest.mark.django_db
def test_refusal_without_javascript_redirects_with_the_message(client, review):
    article, mention = review
    response = client.post(
        _url("annotation:mention_add", pk=article.pk),
        {"start": "0", "end": "9999", "label": "PER", "version": article.version},
        follow=True,
    )
    assert response.status_code == 200
    assert "lies outside the article" in response.content.decode()
    _unchanged(article, mention)


HOSTILE_PARAMS = [
    {"page": "999999"},
    {"page": "-1"},
    {"page": "abc"},
    {"page_size": "100000"},
    {"date_from": "not-a-date", "date_to": "2025-13-45"},
    {"min_killed": "-1e99"},
    {"min_killed": "abc"},
    {"country": "<script>"},
    {"event_type": "' OR 1=1 --"},
    {"q": "' OR 1=1 --"},
    {"q": "%" * 300},
    {"q": "\x00"},
    {"sort": "password"},
    {"admin1": "ن" * 5000},
    {"limit": "-5", "offset": "-10"},
    {"limit": "abc", "offset": "1e9"},
]


@pytest.mark.django_db
@pytest.mark.parametrize(
    "path",
    [
        "/ar/",
        "/en/",
        "/ar/map/",
        "/ar/stats/",
        "/api/v1/incidents",
        "/export/incidents.csv",
        "/export/incidents.json",
        "/export/incidents.geojson",
        "/feeds/incidents.atom",
    ],
)
def test_public_addresses_survive_hostile_parameters(client, editor, reviewer, make_incident, path):
    make_incident(editor, publish_by=reviewer)
    for params in HOSTILE_PARAMS:
        response = client.get(path, params)
        assert response.status_code in (200, 400, 404, 422), (path, params, response.status_code)
        if response.streaming:
            b"".join(response.streaming_content)


@pytest.mark.django_db
def test_review_form_without_javascript_takes_a_long_article(client, editor, make_article):
    """Five fields per mention: 400 mentions pass Django's default limit of 1000 fields; they must still save."""
    import re

    words = [f"كلمة{i}" for i in range(400)]
    body = " ".join(words)
    article = make_article(body=body)
    mentions, pos = [], 0
    for word in words:
        start = body.index(word, pos)
        pos = start + len(word)
        mentions.append(Mention(article=article, start=start, end=pos, article_length=len(body), text=word, label="PER"))
    Mention.objects.bulk_create(mentions)
    client.force_login(editor)
    url = _url("annotation:review_formset", pk=article.pk)
    html = client.get(url).content.decode()
    data = {m.group(2): m.group(3) or "" for m in re.finditer(r'<(input|select)[^>]*name="([^"]+)"[^>]*?(?:value="([^"]*)")?[^>]*>', html)}
    assert len(data) > 2000
    response = client.post(url, data)
    assert response.status_code in (200, 302)


def test_feed_links_other_than_http_are_dropped():
    from annotation.intake.feeds import parse_feed

    rss = """<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>t</title>
    <item><title>سكربت</title><link>javascript:alert(1)</link></item>
    <item><title>بيانات</title><link>data:text/html,&lt;b&gt;x&lt;/b&gt;</link></item>
    <item><title>ملف</title><link>file:///etc/passwd</link></item>
    <item><title>خبر</title><link>https://news.test/a</link></item>
    </channel></rss>"""
    assert [e.url for e in parse_feed(rss.encode())] == ["https://news.test/a"]


@pytest.mark.parametrize(("lang", "message"), [("en", "larger than the"), ("ar", "يتجاوز الحد المسموح")])
def test_oversize_paste_through_the_csrf_check_gets_the_intake_page(editor, settings, lang, message):
    from django.test import Client

    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1000
    client = Client(enforce_csrf_checks=True)
    client.force_login(editor)
    url = f"/{lang}/desk/intake/"
    page = client.get(url)
    token = page.cookies["csrftoken"].value
    response = client.post(url, {"text": "نص طويل " * 500, "csrfmiddlewaretoken": token})
    html = response.content.decode()
    assert response.status_code == 413
    assert message in html
    assert 'id="intake-form"' in html and 'data-restore="1"' in html


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
@pytest.mark.parametrize("text", ["قصف مدفعي على قرية في ريف حلب الجنوبي.\n", "Shelling hit a village south of Aleppo.\n"])
def test_utf16_without_byte_order_mark_is_recognised(codec, text):
    from annotation.intake.decode import decode_bytes

    assert decode_bytes(text.encode(codec)) == text


def test_binary_is_still_refused_as_binary():
    from annotation.intake.decode import DecodeError, decode_bytes

    with pytest.raises(DecodeError):
        decode_bytes(bytes(range(256)) * 4)
    with pytest.raises(DecodeError):
        decode_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00\x00\x00\x01\x00\x08\x06\x00\x00")


@pytest.mark.parametrize("text", ["\u200b\u200c\u200d", " \u200f\u200e\u202b\u202c\n\t\u2066\u2069", "\ufeff\u00ad\u061c\u00a0"])
def test_invisible_only_text_is_refused_like_empty(client, editor, text):
    client.force_login(editor)
    response = client.post("/en/desk/intake/", {"text": text})
    assert response.status_code == 200
    assert "There is no text to import" in response.content.decode()
    assert not Article.objects.exists()


def test_no_js_review_form_saves_as_a_browser_sends_it(client, editor, make_article, make_suggestion):
    """A browser posts every select's first option, also in the blank "add a span" row."""
    from annotation.labels import LABEL_CHOICES

    article = make_article()
    mention = make_suggestion(article, "بعقوبة", "LOC")
    client.force_login(editor)
    url = _url("annotation:review_formset", pk=article.pk)
    formset = client.get(url).context["formset"]
    data = {"version": str(article.version)} | {f"form-{k}": v for k, v in formset.management_form.initial.items()}
    for i, form in enumerate(formset.forms):
        new = form.instance.pk is None
        data |= {
            f"form-{i}-id": "" if new else str(form.instance.pk),
            f"form-{i}-status": "accepted" if not new else "added",
            f"form-{i}-label": LABEL_CHOICES[0][0] if new else form.instance.label,
            f"form-{i}-start": "" if new else str(form.instance.start),
            f"form-{i}-end": "" if new else str(form.instance.end),
        }
    response = client.post(url, data, follow=True)
    assert "This field is required" not in response.content.decode()
    assert Mention.objects.get(pk=mention.pk).status == "accepted"
    assert Mention.objects.filter(article=article).count() == 1
