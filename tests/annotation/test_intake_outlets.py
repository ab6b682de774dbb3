"""Intake knows where and when: the outlet and the publication date a pasted page gives."""

import datetime as dt

import pytest

from annotation.intake import outlets
from annotation.intake.extract import classify_lines, extract_html, parse_dateline, text_date
from annotation.models import Article, Source
from annotation.services.intake import article_ingest, candidates_from

BODY = "قتل ثلاثة من عناصر الشرطة وأصيب خمسة آخرون بانفجار عبوة ناسفة على طريق سريع جنوب المدينة صباح اليوم."


def test_agency_dateline_gives_outlet_and_date():
    dateline = parse_dateline("بغداد - 22 نوفمبر (رويترز) - " + BODY)
    assert (dateline.rest, dateline.outlet, dateline.date_text) == (BODY, "رويترز", "22 نوفمبر")


def test_slash_dateline_gives_outlet():
    dateline = parse_dateline("الموصل/ شفق نيوز- " + BODY)
    assert (dateline.rest, dateline.outlet, dateline.date_text) == (BODY, "شفق نيوز", "")


def test_a_bracket_in_a_sentence_is_no_dateline():
    text = "أعلنت الشرطة (في بيان رسمي) أن ثلاثة قتلوا وأصيب عشرة آخرون في الهجوم"
    assert parse_dateline(text).outlet == ""


def test_dateline_date_takes_its_year_from_the_reference_through_the_engines_grammar():
    assert text_date("22 نوفمبر", dt.date(2026, 12, 3)) == dt.date(2026, 11, 22)
    assert text_date("22 نوفمبر", dt.date(2026, 1, 3)) == dt.date(2025, 11, 22)
    assert text_date("22 تشرين الثاني 2024", None) == dt.date(2024, 11, 22)
    assert text_date("", None) is None


def test_other_spellings_give_the_listed_name():
    assert outlets.canonical("أ ف ب") == "وكالة فرانس برس"
    assert outlets.canonical("شبكة أخبار العراق") == "شبكة اخبار العراق"
    assert outlets.canonical("جريدة الحي") == "جريدة الحي"


def test_chrome_header_line_and_copyright_line_name_the_outlet():
    body = BODY + " " + BODY
    assert outlets.from_chrome(classify_lines(f"الرئيسية\nشفق نيوز\n{body}")) == "شفق نيوز"
    assert outlets.from_chrome(classify_lines(f"{body}\n© 2024 جميع الحقوق محفوظة لشبكة أخبار العراق")) == "شبكة اخبار العراق"
    assert outlets.from_chrome(classify_lines(f"أخبار المحافظات\n{body}"), ["أخبار المحافظات"]) == "أخبار المحافظات"
    assert outlets.from_chrome(classify_lines(f"{body}\nشفق نيوز")) == ""  # after the article: not the header


@pytest.mark.django_db
def test_html_site_name_is_the_outlet():
    html = (
        '<html><head><meta property="og:site_name" content="السومرية نيوز"><title>انفجار في بغداد</title></head>'
        f"<body><article><h1>انفجار في بغداد</h1><p>{BODY}</p><p>{BODY}</p></article></body></html>"
    )
    assert extract_html(html).outlet == "السومرية نيوز"
    (candidate,) = candidates_from(html=html)
    assert candidate.source_name == "السومرية نيوز"


@pytest.mark.django_db
def test_dateline_outlet_and_date_reach_the_article(editor):
    (article,) = article_ingest(text="بغداد - 22 نوفمبر (أ ف ب) - " + BODY, imported_by=editor).articles
    assert article.source.name == "وكالة فرانس برس"
    assert (article.published_at.month, article.published_at.day) == (11, 22)
    assert article.body == BODY


@pytest.mark.django_db
def test_editors_outlet_and_date_win_over_the_pages(editor):
    chosen = Source.objects.create(name="جريدة الحي")
    (article,) = article_ingest(
        text="بغداد - 22 نوفمبر (رويترز) - " + BODY, source=chosen, published_at=dt.date(2025, 1, 2), imported_by=editor
    ).articles
    assert (article.source, article.published_at, Source.objects.count()) == (chosen, dt.date(2025, 1, 2), 1)


@pytest.mark.django_db
def test_seed_pages_outlet_shows_on_the_public_page_and_in_the_csv(client, editor, reviewer):
    from tests.conftest import shared_path
    from tests.factories import publish

    seed = shared_path("seeds", "seed-article.txt").read_text(encoding="utf-8")
    articles = article_ingest(text=seed, imported_by=editor, tag=False).articles
    kirkuk = next(a for a in articles if "زغيتون" in a.body)
    incident = publish(
        editor,
        reviewer,
        source=kirkuk,
        title_ar="ضربة جوية على مخبأ في كركوك",
        event_type="Explosions/Remote violence",
        sub_event_type="Air/drone strike",
        date_start=dt.date(2024, 11, 22),
        country="IRQ",
    )
    assert "شبكة اخبار العراق" in client.get(f"/ar/incidents/{incident.code}/").content.decode()
    import csv
    import io

    response = client.get("/export/incidents.csv")
    csv_text = b"".join(response.streaming_content).decode("utf-8-sig")
    (row,) = list(csv.DictReader(io.StringIO(csv_text)))
    assert "شبكة اخبار العراق" in row["source"]


@pytest.mark.django_db
def test_a_new_outlet_typed_at_paste_time_is_filed(client, editor):
    client.force_login(editor)
    response = client.post(
        "/en/desk/intake/", {"text": "بغداد - 22 نوفمبر (رويترز) - " + BODY, "outlet": "  جريدة   الحي ", "published_at": "2025-01-02"}
    )
    assert response.status_code == 302
    article = Article.objects.get()
    assert (article.source.name, article.published_at) == ("جريدة الحي", dt.date(2025, 1, 2))
