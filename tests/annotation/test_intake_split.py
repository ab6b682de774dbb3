from hypothesis import given, settings
from hypothesis import strategies as st

from annotation.intake.split import split_articles
from tests.conftest import shared_path


def _seed():
    return shared_path("seeds", "seed-article.txt").read_text(encoding="utf-8")


def test_seed_page_gives_two_articles():
    articles = split_articles(_seed())
    assert len(articles) == 2


def test_seed_first_article_starts_after_the_stamp_and_dateline():
    first = split_articles(_seed())[0]
    assert first.title == ""
    assert first.body.startswith("أكد المتحدث باسم قيادة العمليات المشتركة، اللواء تحسين الخفاجي")
    assert first.body.endswith("خاصة في مجال التسليح وبناء القدرات”.")
    assert "آخر تحديث" not in first.body
    assert "المصدر" not in first.body
    assert "إقرأ أيضاً" not in first.body


def test_seed_second_article_has_its_headline_and_stops_before_related_list():
    second = split_articles(_seed())[1]
    assert second.title == "القوات العراقية تقتل عنصرين من تنظيم داعش في كركوك"
    assert second.body.startswith("أعلنت خلية الإعلام الأمني في قيادت العمليات المشتركة قتل عنصرين")
    assert second.body.endswith('في مناطق وعرة".')
    assert "مقالات مشابهة" not in second.body
    assert "ترجيحات بمقتل" not in second.body
    assert "بين 1500 و3000 مقاتل" in second.body
    assert len(second.paragraphs) == 9


def test_subheading_without_separator_stays_in_the_article():
    text = (
        "انفجرت عبوة ناسفة في سوق شعبي وسط بعقوبة صباح اليوم وأدت إلى سقوط ضحايا.\n\n"
        "تفاصيل الحادث\n\n"
        "وقال مصدر أمني إن قوة من الشرطة طوقت المكان."
    )
    articles = split_articles(text)
    assert len(articles) == 1
    assert articles[0].paragraphs == [
        "انفجرت عبوة ناسفة في سوق شعبي وسط بعقوبة صباح اليوم وأدت إلى سقوط ضحايا.",
        "تفاصيل الحادث",
        "وقال مصدر أمني إن قوة من الشرطة طوقت المكان.",
    ]


def test_title_line_on_top_becomes_the_title():
    articles = split_articles("مقتل ثلاثة مدنيين في بعقوبة\n\nانفجرت عبوة ناسفة في سوق شعبي وسط بعقوبة.")
    assert [(a.title, a.body) for a in articles] == [("مقتل ثلاثة مدنيين في بعقوبة", "انفجرت عبوة ناسفة في سوق شعبي وسط بعقوبة.")]


def test_repeated_stamp_block_starts_a_new_article():
    text = (
        "آخر تحديث: 1 مارس 2025 - 10:00 ص\n"
        "انفجرت عبوة ناسفة في سوق شعبي وسط بعقوبة صباح اليوم.\n"
        "آخر تحديث: 2 مارس 2025 - 09:15 م\n"
        "اشتباكات في الموصل\n"
        "اندلعت اشتباكات بين قوات الأمن ومسلحين في الجانب الأيمن من الموصل.\n"
    )
    articles = split_articles(text)
    assert [(a.title, a.body) for a in articles] == [
        ("", "انفجرت عبوة ناسفة في سوق شعبي وسط بعقوبة صباح اليوم."),
        ("اشتباكات في الموصل", "اندلعت اشتباكات بين قوات الأمن ومسلحين في الجانب الأيمن من الموصل."),
    ]


def test_only_chrome_gives_nothing():
    assert split_articles("مقالات مشابهة\n  • عنوان أول هنا\n  • عنوان ثان هنا\nشارك\n") == []
    assert split_articles("   \n\n\t ") == []


LINES = st.sampled_from(
    [
        "",
        "آخر تحديث: 1 مارس 2025 - 10:00 ص",
        "إقرأ أيضاً:",
        "المصدر: وكالة",
        "مقالات مشابهة",
        "  • عنوان في قائمة",
        "شارك",
        "اشتباكات في الموصل",
        "انفجرت عبوة ناسفة في سوق شعبي وسط بعقوبة صباح اليوم.",
        "وقال مصدر أمني إن قوة من الشرطة طوقت المكان.",
    ]
)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.one_of(LINES, st.text(max_size=80)), max_size=30))
def test_split_never_returns_empty_or_chrome_paragraphs(lines):
    for article in split_articles("\n".join(lines)):
        assert article.paragraphs
        for paragraph in article.paragraphs:
            assert paragraph.strip() == paragraph
            assert paragraph
            assert paragraph not in ("إقرأ أيضاً:", "مقالات مشابهة", "شارك", "المصدر: وكالة")


def test_stamp_date_goes_to_the_article_it_heads():
    first, second = split_articles(_seed())
    assert str(first.published) == "2024-02-08"
    assert second.published is None


def test_stamp_dates_in_other_forms():
    from annotation.intake.extract import stamp_date

    assert str(stamp_date("آخر تحديث: ١٢ تشرين الثاني ٢٠٢٤ - 10:00 م")) == "2024-11-12"
    assert str(stamp_date("تاريخ النشر: 05/03/2025 10:30")) == "2025-03-05"
    assert str(stamp_date("نشر في: 2025-03-14")) == "2025-03-14"
    assert stamp_date("منذ 3 ساعات") is None
    assert stamp_date("تاريخ النشر: 31/02/2025") is None


def test_source_line_names_the_article_it_closes():
    first, second = split_articles(_seed())
    assert first.source_name == "شبكة اخبار العراق"
    assert second.source_name == ""
