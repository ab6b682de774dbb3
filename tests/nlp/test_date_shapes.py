"""Date shapes of unseen wire reports (issue 9): Maghreb parts of the day, parts of a year and seasons before a
year. Sentences written for these tests."""

import pytest

from annotation.nlp import get_tagger


def dates(text):
    return [s.text for s in get_tagger().tag(text).spans if s.label == "DATE"]


@pytest.mark.parametrize(
    ("sentence", "date"), [("اعتقل المشتبه به زوال اليوم", "زوال اليوم"), ("هاجم مسلحون الثكنة عشية الأحد", "عشية الأحد")]
)
def test_maghreb_parts_of_the_day(sentence, date):
    assert dates(sentence) == [date]


def test_eve_of_an_event_is_no_date():
    assert dates("تظاهر المئات عشية الانتخابات") == []


def test_another_one_before_a_part_of_the_day_is_not_the_end_of_a_month():
    assert dates("وأصيب آخر ظهر أمس بجروح") == ["ظهر أمس"]


@pytest.mark.parametrize("date", ["مطلع 2024", "أواخر 2023", "نهاية 2022", "صيف 2022", "ربيع 2011"])
def test_part_of_a_year_or_season_before_the_year(date):
    assert dates(f"قتل العشرات في {date} في المنطقة") == [date]


def test_season_of_last_year_and_a_season_without_a_year():
    assert dates("سقطت أمطار غزيرة في شتاء العام الماضي وفي صيف حار") == ["شتاء العام الماضي"]


def test_first_before_a_number_counts_people():
    assert dates("وصل أول 2000 متطوع إلى المخيم") == []
