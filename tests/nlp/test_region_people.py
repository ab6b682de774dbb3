"""Office holders and peoples of the whole region, named without a title (issue 9): sentences written for these tests."""

import pytest

from annotation.nlp import get_tagger


def labelled(text, label):
    return {s.text for s in get_tagger().tag(text).spans if s.label == label}


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        ("وصل سلفا كير إلى جوبا بعد جولة قصيرة", "سلفا كير"),
        ("ورفض رياك مشار المشاركة في الاجتماع", "رياك مشار"),
        ("وانتقد لافروف العقوبات الجديدة", "لافروف"),
        ("وزار محمد بازوم القاعدة قبل الانقلاب", "محمد بازوم"),
        ("ودعا أبو الغيط إلى ضبط النفس", "أبو الغيط"),
    ],
)
def test_known_office_holders_without_a_title(sentence, name):
    assert name in labelled(sentence, "PER")


def test_mentioned_above_is_not_riek_machar():
    assert labelled("وأشار التقرير المشار إليه إلى تراجع الهجمات", "PER") == set()


@pytest.mark.parametrize(
    ("sentence", "group"),
    [
        ("وتظاهر مئات المغاربة أمام البرلمان", "المغاربة"),
        ("وقتل ثلاثة عمال هنود في الحريق", "هنود"),
        ("وشارك الموارنة في القداس", "الموارنة"),
    ],
)
def test_broken_plural_and_faith_group_nouns(sentence, group):
    assert group in labelled(sentence, "NORP")


def test_workers_from_further_away_are_a_group():
    assert labelled("وأصيب أربعة بنغلاديشيين في انفجار المصنع", "NORP") == {"بنغلاديشيين"}


def test_a_leaders_distinctive_family_name_alone():
    assert labelled("واتهم تراوري الدول المجاورة بإيواء المسلحين", "PER") == {"تراوري"}


def test_another_person_of_the_same_family_keeps_the_whole_name():
    assert labelled("وقال الملازم سيدو تراوري إن الدورية عادت", "PER") == {"سيدو تراوري"}


@pytest.mark.parametrize(
    "sentence",
    [
        "وجاء القصف كرد فعل على الكمين",
        "ودخل سريان الهدنة حيز التنفيذ عند منتصف الليل",
        "وقال إن السبب الرئيسي للنزوح هو الجفاف",
        "وتزامن الهجوم مع بداية العام الهجري",
    ],
)
def test_everyday_words_spelt_like_a_group_or_a_family_name(sentence):
    tagged = {s.label for s in get_tagger().tag(sentence).spans}
    assert not tagged & {"PER", "NORP"}
