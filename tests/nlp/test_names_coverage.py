"""Entity coverage on wire-report shapes: sentences written for these tests (no text from the evaluation corpus)."""

from annotation.nlp import get_tagger


def spans(text):
    return {(s.label, s.text) for s in get_tagger().tag(text).spans}


def test_force_named_by_construct_chain():
    got = spans("وتقدمت قوات درع الجنوب نحو البلدة بعد انسحاب خصومها")
    assert ("ORG", "قوات درع الجنوب") in got


def test_nationality_adjective_closes_an_organisation():
    got = spans("وقالت الحكومة الصومالية المؤقتة إن الهجوم فشل")
    assert ("ORG", "الحكومة الصومالية") in got
    assert not any(label == "ORG" and "المؤقتة" in text for label, text in got)


def test_force_kind_after_nationality_stays_in_the_name():
    assert ("ORG", "القوات الأردنية الخاصة") in spans("ونفذت القوات الأردنية الخاصة عملية دهم")


def test_definite_construct_word_is_not_trimmed():
    assert ("ORG", "قوات الدفاع") in spans("وشاركت قوات الدفاع في تأمين الموكب")


def test_li_genitive_with_indefinite_construct():
    got = spans("وطالبت الهيئة الوطنية لحقوق الإنسان بفتح تحقيق")
    assert ("ORG", "الهيئة الوطنية لحقوق الإنسان") in got


def test_office_and_union_heads():
    got = spans("وأعلنت الإدارة العامة للجمارك ضبط الشحنة، فيما نددت نقابة المحامين بالاعتقال")
    assert {("ORG", "الإدارة العامة للجمارك"), ("ORG", "نقابة المحامين")} <= got


def test_acronym_in_brackets_after_an_organisation():
    got = spans("ونقلت وكالة الأنباء القطرية (قنا) الخبر")
    assert ("ORG", "قنا") in got
    assert ("LOC", "قنا") not in got


def test_known_person_keeps_the_family_after_al():
    got = spans("واستقبل الشيخ تميم بن حمد آل ثاني الوفد")
    assert ("PER", "تميم بن حمد آل ثاني") in got


def test_name_ends_before_weapon_with_clitic():
    got = spans("وأصيب المصور سامي عبد الكريم برصاص قناص قرب المعبر")
    assert ("PER", "سامي عبد الكريم") in got


def test_name_ends_before_a_verb():
    got = spans("وقال خالد منصور تلقى تهديدات قبل أسبوع")
    assert ("PER", "خالد منصور") in got
