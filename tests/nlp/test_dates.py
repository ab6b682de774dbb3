"""Date expressions: finding them and resolving them against the publication date."""

import datetime as dt

import pytest

from annotation.nlp.dates import find_dates, resolve
from annotation.nlp.tokenize import tokenize


def one(text, published=None):
    _, toks = tokenize(text)
    exprs = find_dates(toks)
    assert len(exprs) == 1, [text[toks[e.first].start : toks[e.last].end] for e in exprs]
    e = exprs[0]
    return text[toks[e.first].start : toks[e.last].end], resolve(e, published)


def test_weekday_day_month_takes_the_year_of_that_weekday():
    surface, r = one("قصفت الطائرات الموقع الجمعة 22 نوفمبر بعد الظهر", dt.date(2024, 11, 23))
    assert surface == "الجمعة 22 نوفمبر"
    assert (r.date, r.precision) == (dt.date(2024, 11, 22), "day")


def test_weekday_year_is_searched_backwards_from_publication():
    # 22 November fell on a Friday in 2024 and 2019; published in 2023 the nearest earlier one is 2019
    _, r = one("الجمعة 22 نوفمبر", dt.date(2023, 6, 1))
    assert r.date == dt.date(2019, 11, 22)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("وقع الانفجار في 3 كانون الثاني 2021 وسط المدينة", dt.date(2021, 1, 3)),
        ("في ١٥ تشرين الأول ٢٠١٩", dt.date(2019, 10, 15)),
        ("يوم 7 حزيران 2015", dt.date(2015, 6, 7)),
        ("بتاريخ 9 أغسطس 2020", dt.date(2020, 8, 9)),
        ("في الرابع عشر من شباط 2018", dt.date(2018, 2, 14)),
        ("في 1 رمضان 1445 هـ", dt.date(2024, 3, 11)),
    ],
)
def test_absolute_dates(text, expected):
    _, r = one(text)
    assert r.date == expected


def test_relative_days_against_publication():
    pub = dt.date(2023, 3, 15)
    assert one("قال مصدر أمس إن", pub)[1].date == dt.date(2023, 3, 14)
    assert one("فجر اليوم هاجم", pub)[1].date == pub
    assert one("أول أمس", pub)[1].date == dt.date(2023, 3, 13)


def test_relative_days_without_publication_keep_text_but_no_date():
    surface, r = one("قال مصدر أمس إن")
    assert surface == "أمس"
    assert r.date is None


def test_month_part_has_month_precision():
    surface, r = one("في مطلع أكتوبر، أعلنت الوزارة", dt.date(2024, 11, 23))
    assert surface == "مطلع أكتوبر"
    assert (r.date, r.date_end, r.precision) == (dt.date(2024, 10, 1), dt.date(2024, 10, 10), "month")


def test_late_month_of_previous_year():
    _, r = one("أواخر ديسمبر الماضي", dt.date(2024, 2, 1))
    assert (r.date, r.date_end) == (dt.date(2023, 12, 21), dt.date(2023, 12, 31))


def test_last_week_is_week_precision():
    _, r = one("الأسبوع الماضي", dt.date(2024, 1, 10))
    assert (r.date, r.date_end, r.precision) == (dt.date(2024, 1, 1), dt.date(2024, 1, 7), "week")


def test_year_expression():
    surface, r = one("في العام 2017 أعلنت")
    assert surface == "العام 2017"
    assert (r.date, r.precision) == (dt.date(2017, 1, 1), "year")


def test_glued_conjunction_is_not_part_of_the_date_span():
    from annotation.nlp import get_tagger

    spans = get_tagger().tag("ووقع الهجوم والجمعة").spans
    assert [(s.label, s.text) for s in spans] == [("DATE", "الجمعة")]


def test_year_reference_gives_a_year_but_never_a_relative_day():
    _, toks = tokenize("مطلع أيار")
    (e,) = find_dates(toks)
    assert resolve(e, None, year_reference=dt.date(2015, 6, 15)).date == dt.date(2015, 5, 1)
    _, toks = tokenize("أمس")
    (e,) = find_dates(toks)
    assert resolve(e, None, year_reference=dt.date(2015, 6, 15)).date is None


@pytest.mark.parametrize(
    ("text", "expected", "precision"),
    [
        ("وقع الهجوم الليلة الماضية في", dt.date(2023, 3, 14), "day"),
        ("أمس الأول", dt.date(2023, 3, 13), "day"),
        ("يوم 5/3/2023", dt.date(2023, 3, 5), "day"),
        ("في 12-03-2023", dt.date(2023, 3, 12), "day"),
        ("قبل يومين", dt.date(2023, 3, 13), "day"),
        ("قبل أيام", dt.date(2023, 3, 12), "week"),
    ],
)
def test_more_relative_and_numeric_dates(text, expected, precision):
    _, r = one(text, dt.date(2023, 3, 15))
    assert (r.date, r.precision) == (expected, precision)


def test_impossible_numeric_date_is_not_a_date():
    _, toks = tokenize("في 31/2/2023")
    assert find_dates(toks) == []


def _reference(text, published):
    from annotation.nlp.date_resolution import article_reference

    return article_reference(find_dates(tokenize(text)[1]), published)


def test_article_reference_is_the_day_given_when_the_weekday_agrees_with_it():
    ref = _reference("هاجم مسلحون قرية يوم الخميس 5 ديسمبر ثم انسحبوا", dt.date(2024, 12, 6))
    assert (ref.day, ref.year) == (dt.date(2024, 12, 6), dt.date(2024, 12, 6))


def test_article_reference_moves_to_the_weekday_dated_day_of_an_older_article():
    # pasted in December 2026; Thursday 5 December was in 2024: the article was written then
    text = "هاجم مسلحون قرية يوم الخميس 5 ديسمبر، وكانت القرية قد تعرضت لهجوم أواخر سبتمبر"
    ref = _reference(text, dt.date(2026, 12, 20))
    assert (ref.day, ref.year) == (dt.date(2024, 12, 5), dt.date(2024, 12, 5))
    month = find_dates(tokenize(text)[1])[1]
    from annotation.nlp.date_resolution import resolve_in

    assert resolve_in(month, ref).date == dt.date(2024, 9, 21)


def test_undated_article_takes_its_year_from_its_latest_written_date_and_leaves_yesterday_open():
    text = "وقع الانفجار في 3 مارس 2021 بعد هدنة بدأت في 12 يناير 2020، وأصيب حارس أمس"
    ref = _reference(text, None)
    assert (ref.day, ref.year) == (None, dt.date(2021, 3, 3))


def test_undated_article_with_a_later_update_stamp_takes_its_year_from_the_weekday_dated_day():
    # "updated 8 March 2024" heads a page about a Thursday 5 December: that Thursday was in 2019, not 2023,
    # and "مطلع أكتوبر" of the same article is October 2019 too
    text = "آخر تحديث 8 مارس 2024. هاجم مسلحون قرية يوم الخميس 5 ديسمبر، بعد كمين وقع مطلع أكتوبر"
    ref = _reference(text, None)
    assert (ref.day, ref.year) == (None, dt.date(2019, 12, 5))
    from annotation.nlp.date_resolution import resolve_in

    month = find_dates(tokenize(text)[1])[-1]
    assert resolve_in(month, ref).date == dt.date(2019, 10, 1)
