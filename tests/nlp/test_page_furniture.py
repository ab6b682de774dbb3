"""Links to other stories pasted with a report ("مقالات ذات صلة", "اقرأ أيضا") draft no incident of their own."""

import datetime as dt

from annotation.nlp import get_tagger
from annotation.nlp.sentences import page_furniture

REPORT = "قتل ثلاثة مدنيين في قصف مدفعي استهدف بلدة الشيخ مسكين يوم الثلاثاء.\n\nوقال مصدر طبي إن الجرحى نقلوا إلى مستشفى درعا."
RELATED = "\n\nمقالات ذات صلة\n\n  • مقتل جنديين بانفجار عبوة ناسفة في الرمادي\n  • قوات الأمن تفرق وقفة احتجاجية للمعلمين في عدن\n"


def _incidents(text):
    return get_tagger().tag(text, dt.date(2025, 3, 5)).incidents


def test_headlines_under_a_related_stories_heading_draft_nothing():
    alone = _incidents(REPORT)
    with_links = _incidents(REPORT + RELATED)
    assert [(d.sub_event_type, d.location_text, d.killed) for d in with_links] == [
        (d.sub_event_type, d.location_text, d.killed) for d in alone
    ]
    assert [d.sub_event_type for d in alone] == ["Shelling/artillery/missile attack"]


def test_the_headlines_are_still_tagged():
    result = get_tagger().tag(REPORT + RELATED, dt.date(2025, 3, 5))
    assert ("LOC", "عدن") in {(s.label, s.text) for s in result.spans}


def test_a_read_also_line_inside_a_report_is_left_out_and_the_report_goes_on():
    text = (
        "قتل ثلاثة مدنيين في قصف مدفعي استهدف بلدة الشيخ مسكين.\n"
        "اقرأ أيضا: مسلحون يخطفون خمسة تجار على طريق الموصل\n"
        "وأصيب سبعة آخرون في القصف نفسه."
    )
    (ranges,) = page_furniture(text)
    assert text[ranges[0] : ranges[1]] == "اقرأ أيضا: مسلحون يخطفون خمسة تجار على طريق الموصل"
    (shelling,) = _incidents(text)
    assert (shelling.sub_event_type, shelling.killed, shelling.injured) == ("Shelling/artillery/missile attack", 3, 7)


def test_a_heading_word_inside_a_sentence_is_not_furniture():
    assert page_furniture("ونشرت الصحيفة مقالات ذات صلة بالهجوم على البلدة") == []
