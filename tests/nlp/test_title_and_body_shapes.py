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


def test_indefinite_force_ends_at_its_nationality():
    assert labelled("واقتحمت قوات فرنسية القرية عند الفجر", "ORG") == {"قوات فرنسية"}


def test_force_in_the_singular_with_a_nationality():
    assert labelled("وداهمت قوة تركية مزرعة قرب الحدود", "ORG") == {"قوة تركية"}


def test_force_of_an_explosion_is_no_body():
    assert labelled("وحطمت قوة الانفجار نوافذ المباني", "ORG") == set()


def test_participle_with_its_complement_is_not_in_the_name():
    got = labelled("وقالت الهيئة المكلفة بها إن التحقيق بدأ", "ORG")
    assert not any("المكلفة" in name for name in got)


@pytest.mark.parametrize(
    ("sentence", "body"),
    [
        ("واشتبك عناصر جهاز دعم الاستقرار مع مهربين", "جهاز دعم الاستقرار"),
        ("وهدد حلف قبائل حضرموت بقطع الطريق", "حلف قبائل حضرموت"),
    ],
)
def test_agency_and_alliance_named_by_a_construct_chain(sentence, body):
    assert body in labelled(sentence, "ORG")


def test_verbal_noun_after_a_name_ends_it():
    got = labelled("وأعلن قائد الدرك العقيد سيكو دمبيلي توقيف ثلاثة مهربين", "PER")
    assert got == {"سيكو دمبيلي"}


def test_al_amin_after_a_given_name_is_part_of_the_name():
    assert labelled("وقال العقيد سيدي الأمين كوليبالي إن الدورية عادت", "PER") == {"سيدي الأمين كوليبالي"}


def test_a_title_word_as_family_name_does_not_recur_as_the_title():
    assert labelled("وقال الأمين العام للنقابة عثمان الأمين إن الإضراب مستمر", "PER") == {"عثمان الأمين"}


@pytest.mark.parametrize(
    ("sentence", "body"),
    [
        ("وانتشر عناصر الفيلق الثالث في البلدة", "الفيلق الثالث"),
        ("وقصف فيلق الساحل مواقع المسلحين", "فيلق الساحل"),
    ],
)
def test_corps_is_a_head_of_forces(sentence, body):
    assert body in labelled(sentence, "ORG")


def test_feminine_participle_in_mut_is_the_bodys_adjective():
    assert "المحكمة الجزائية المتخصصة" in labelled("وأصدرت المحكمة الجزائية المتخصصة حكمها أمس", "ORG")


def test_spokesman_after_a_body_is_not_in_its_name():
    got = labelled("وقالت الوزارة المتحدثة باسمها إن الاجتماع تأجل", "ORG")
    assert not any("المتحدثة" in name for name in got)


def test_institution_with_a_second_task_is_one_body():
    got = labelled("وأعلنت هيئة النزاهة ومكافحة الفساد إحالة ملفين", "ORG")
    assert "هيئة النزاهة ومكافحة الفساد" in got


def test_what_a_force_did_after_and_is_not_its_name():
    got = labelled("وأدانت الوزارة قصف قوات الاحتلال وتدمير المنازل", "ORG")
    assert not any("وتدمير" in name for name in got)
