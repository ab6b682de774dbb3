"""Relative and partial date expressions of wire reports: their spans and what they resolve to."""

import datetime as dt

import pytest

from annotation.nlp.dates import find_dates, resolve
from annotation.nlp.tokenize import tokenize

PUB = dt.date(2025, 3, 20)


def spans(text):
    _, toks = tokenize(text)
    return [text[toks[e.first].start : toks[e.last].end] for e in find_dates(toks)]


def one(text, published=PUB):
    _, toks = tokenize(text)
    exprs = find_dates(toks)
    assert len(exprs) == 1, spans(text)
    e = exprs[0]
    return text[toks[e.first].start : toks[e.last].end], resolve(e, published)


def test_day_of_this_month():
    surface, r = one("انفجرت عبوة يوم 12 الجاري قرب السوق")
    assert surface == "يوم 12 الجاري"
    assert (r.date, r.precision) == (dt.date(2025, 3, 12), "day")


def test_day_of_last_month():
    surface, r = one("أعلنت الوزارة في 27 الماضي أن")
    assert surface == "27 الماضي"
    assert r.date == dt.date(2025, 2, 27)


def test_day_of_this_month_without_publication_stays_unresolved():
    _, r = one("انفجرت عبوة يوم 12 الجاري قرب السوق", None)
    assert r.date is None


@pytest.mark.parametrize(
    ("text", "surface"),
    [
        ("قتل جنديان خلال الساعات الماضية في كمين", "الساعات الماضية"),
        ("تصاعد القصف في الساعات الأخيرة على الحي", "الساعات الأخيرة"),
        ("نزح مئات السكان في الأيام القليلة الماضية من القرى", "الأيام القليلة الماضية"),
        ("تكررت الهجمات في السنوات الأخيرة على الطريق", "السنوات الأخيرة"),
    ],
)
def test_recent_spans_of_time(text, surface):
    assert spans(text) == [surface]


def test_past_hours_resolve_to_the_day_and_past_years_stay_unresolved():
    assert one("خلال الساعات الماضية")[1].date == PUB
    assert one("في السنوات الأخيرة")[1].date is None


def test_since_a_while_is_a_span_of_time_not_a_date():
    assert spans("تحاصر القوات البلدة منذ أشهر وتمنع دخول الغذاء") == []
    assert spans("انسحب المقاتلون قبل أسابيع من البلدة") == ["قبل أسابيع"]


def test_day_range_in_one_month():
    surface, r = one("جرت المعارك بين 4 و9 أبريل حول المطار", dt.date(2025, 5, 1))
    assert surface == "4 و9 أبريل"
    assert (r.date, r.date_end) == (dt.date(2025, 4, 4), dt.date(2025, 4, 9))


def test_year_first_numeric_date():
    surface, r = one("صدر البيان بتاريخ 2022/10/3 عن القيادة")
    assert surface == "2022/10/3"
    assert r.date == dt.date(2022, 10, 3)


def test_month_of_last_year():
    surface, r = one("بدأ الحصار في آذار من العام الماضي")
    assert surface == "آذار من العام الماضي"
    assert (r.date, r.date_end) == (dt.date(2024, 3, 1), dt.date(2024, 3, 31))


def test_hijri_month_after_shahr_is_kept_unresolved():
    surface, r = one("تراجعت الهجمات خلال شهر رمضان في المحافظة")
    assert surface == "شهر رمضان"
    assert r.date is None


@pytest.mark.parametrize(
    "text",
    ["في اليوم التالي عاد المقاتلون", "في اليوم الرابع من المعارك", "احتفل السكان باليوم العالمي للمياه"],
)
def test_al_yawm_that_is_not_today(text):
    assert spans(text) == []


def test_day_before_yesterday_with_min():
    surface, r = one("قتل شرطي أول من أمس في كمين")
    assert surface == "أول من أمس"
    assert r.date == dt.date(2025, 3, 18)


def test_article_written_apart_before_a_day_is_in_the_span():
    surface, r = one("هاجم المسلحون في الـ9 من فبراير الماضي القرية")
    assert surface == "الـ9 من فبراير الماضي"
    assert r.date == dt.date(2025, 2, 9)


@pytest.mark.parametrize(
    "text, surface",
    [("قتل ثلاثة خلال الـ24 ساعة الماضية", "الـ24 ساعة الماضية"), ("قتل ثلاثة خلال الساعات الـ48 الماضية", "الساعات الـ48 الماضية")],
)
def test_past_hours_with_a_count(text, surface):
    assert one(text)[0] == surface


def test_year_alone_after_a_preposition():
    surface, r = one("تراجعت الهجمات في 2021، وفق التقرير")
    assert surface == "2021"
    assert (r.date, r.date_end, r.precision) == (dt.date(2021, 1, 1), dt.date(2021, 12, 31), "year")


@pytest.mark.parametrize("text", ["دمرت الغارات في 1200 منزل", "بلغ عدد النازحين 2015 أسرة"])
def test_a_count_is_not_a_year(text):
    assert spans(text) == []


def test_part_of_an_unnamed_month_is_kept_but_unresolved():
    _, toks = tokenize("اشتدت المعارك في منتصف الشهر حول المطار")
    (e,) = find_dates(toks)
    assert e.vague
    assert resolve(e, PUB).date is None


@pytest.mark.parametrize(
    ("text", "surface", "start"),
    [
        ("أغلقت السلطات المعبر هذا الأسبوع أمام الشاحنات", "هذا الأسبوع", dt.date(2025, 3, 17)),
        ("تضاعفت الهجمات هذا العام في الإقليم", "هذا العام", dt.date(2025, 1, 1)),
        ("أوقفت الشرطة عشرين شخصا الشهر الفارط في العاصمة", "الشهر الفارط", dt.date(2025, 2, 1)),
        ("تظاهر الطلبة الأسبوع المنقضي أمام الوزارة", "الأسبوع المنقضي", dt.date(2025, 3, 10)),
    ],
)
def test_this_and_maghreb_last(text, surface, start):
    found, r = one(text)
    assert (found, r.date) == (surface, start)


def test_first_week_of_a_month():
    surface, r = one("وصلت التعزيزات في الأسبوع الأول من يناير إلى الثكنة")
    assert surface == "الأسبوع الأول من يناير"
    assert (r.date, r.date_end, r.precision) == (dt.date(2025, 1, 1), dt.date(2025, 1, 10), "month")


@pytest.mark.parametrize(
    ("text", "surface"),
    [
        ("انفجرت السيارة عند الساعة 7:45 صباحا قرب الجسر", "الساعة 7:45 صباحا"),
        ("سمع دوي إطلاق نار الساعة الثانية فجرا في الحي", "الساعة الثانية فجرا"),
    ],
)
def test_clock_time_alone_is_kept_but_dates_no_event(text, surface):
    found, r = one(text)
    assert (found, r.date) == (surface, None)
    _, toks = tokenize(text)
    assert find_dates(toks)[0].vague


def test_clock_time_on_a_named_day_resolves_to_that_day():
    surface, r = one("أطلقت القذائف الساعة 9 من مساء أمس على الحي")
    assert surface == "الساعة 9 من مساء أمس"
    assert r.date == dt.date(2025, 3, 19)


def test_syriac_august_next_to_a_year_or_last():
    surface, r = one("دمر الانفجار المستودع في آب الماضي", dt.date(2025, 3, 20))
    assert surface == "آب الماضي"
    assert (r.date, r.date_end) == (dt.date(2024, 8, 1), dt.date(2024, 8, 31))
    assert one("دمر الانفجار المستودع في آب 2020")[0] == "آب 2020"
    assert spans("قال الأب إن ابنه خطف") == []


def test_hijri_month_named_with_last_is_unresolved_without_year():
    surface, r = one("شنت الجماعة هجمات في رمضان الماضي على القرى")
    assert (surface, r.date) == ("رمضان الماضي", None)
    assert spans("قال رمضان إن القرية هوجمت") == []


@pytest.mark.parametrize(
    ("text", "surface"),
    [("نشأت الحركة في السبعينيات في الجنوب", "السبعينيات"), ("منذ تسعينيات القرن الماضي يتنازع الطرفان", "تسعينيات القرن الماضي")],
)
def test_decades_are_kept_unresolved(text, surface):
    found, r = one(text)
    assert (found, r.date) == (surface, None)
