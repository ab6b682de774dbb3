"""Organisations of unseen wire reports (issue 9): state and civil bodies named with their country's adjective,
presidencies and parliaments, construct chains. Sentences written for these tests."""

import pytest

from annotation.nlp import get_tagger


def orgs(text):
    return {s.text for s in get_tagger().tag(text).spans if s.label == "ORG"}


@pytest.mark.parametrize(
    ("sentence", "org"),
    [
        ("قال الدفاع المدني السوري إن فرقه انتشلت ثلاث جثث", "الدفاع المدني السوري"),
        ("نقل الهلال الأحمر الفلسطيني المصابين إلى المستشفى", "الهلال الأحمر الفلسطيني"),
    ],
)
def test_a_civil_body_keeps_its_countrys_adjective(sentence, org):
    assert org in orgs(sentence)


def test_an_armed_groups_adjective_still_only_describes_it():
    assert "حزب الله" in orgs("قال حزب الله اللبناني إن مقاتليه ردوا على القصف")


def test_presidency_and_parliament_with_their_countrys_adjective():
    got = orgs("نفت الرئاسة الصومالية الخبر، وصوت البرلمان الليبي على الميزانية")
    assert got == {"الرئاسة الصومالية", "البرلمان الليبي"}


def test_a_parliament_without_an_adjective_is_not_tagged_alone():
    assert orgs("صادق البرلمان على القانون بالإجماع") == set()


def test_construct_chain_of_two_nouns_before_a_known_place():
    assert "جبهة تحرير شعب تيغراي" in orgs("اتهمت الحكومة جبهة تحرير شعب تيغراي بخرق الهدنة")


def test_sahel_defence_and_security_forces_with_their_adjective():
    got = orgs("قتل عشرة من قوات الدفاع والأمن البوركينية قرب الحدود")
    assert got == {"قوات الدفاع والأمن البوركينية"}
