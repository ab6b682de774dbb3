"""Titles before verbal nouns, leaders named by a body, and security agencies with two functions (issue 9): sentences
written for these tests."""

import pytest

from annotation.nlp import get_tagger


def labelled(text, label):
    return {s.text for s in get_tagger().tag(text).spans if s.label == label}


@pytest.mark.parametrize(
    "sentence",
    [
        "وأعلن الرئيس استئناف المحادثات مع الوسطاء",
        "وطلب المحافظ انسحاب المسلحين من السوق",
        "وأكد القائد انتشار الدوريات على الطريق",
        "وأعلن الحلف بقيادة فرنسا اعتراض الشحنة",
    ],
)
def test_verbal_noun_after_a_title_is_no_name(sentence):
    assert labelled(sentence, "PER") == set()


def test_rank_word_as_family_name_before_what_was_said():
    assert labelled("وقال الرائد عثمان الأمين إن الدورية عادت", "PER") == {"عثمان الأمين"}


@pytest.mark.parametrize(
    ("sentence", "body"),
    [
        ("وأعلن جهاز الأمن والمخابرات توقيف خلية", "جهاز الأمن والمخابرات"),
        ("وقالت الوكالة الوطنية للاستخبارات والأمن إن الخلية فككت", "الوكالة الوطنية للاستخبارات والأمن"),
    ],
)
def test_security_agency_with_two_functions_is_one_body(sentence, body):
    assert body in labelled(sentence, "ORG")


def test_army_and_police_stay_two_bodies():
    got = labelled("وانتشرت قوات الجيش والشرطة في الشوارع", "ORG")
    assert not any("والشرطة" in name for name in got)


def test_known_body_in_a_genitive_closes_at_its_nationality():
    got = labelled("وأعلنت هيئة الأركان للجيش الجزائري القضاء على مسلحين", "ORG")
    assert not any("القضاء" in name for name in got)


def test_hezbollah_by_the_name_of_its_statements():
    assert "المقاومة الإسلامية في لبنان" in labelled("وأعلنت المقاومة الإسلامية في لبنان قصف الموقع", "ORG")
