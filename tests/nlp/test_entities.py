"""Entity rules per family, on our own sentences."""

from annotation.nlp import get_tagger


def spans(text):
    return {(s.label, s.text) for s in get_tagger().tag(text).spans}


def test_rank_before_name_gives_person_without_title():
    got = spans("وقال العميد سامر الدليمي إن القوات تقدمت")
    assert ("PER", "سامر الدليمي") in got
    assert not any(label == "PER" and "العميد" in text for label, text in got)


def test_person_after_office_title_and_connectors():
    got = spans("استقبل رئيس الوزراء العراقي عادل عبد المهدي وفدا")
    assert ("PER", "عادل عبد المهدي") in got


def test_surname_mentioned_later_is_a_person():
    got = spans("صرح اللواء تحسين الخفاجي للصحفيين. وأضاف الخفاجي أن العمليات مستمرة")
    assert ("PER", "الخفاجي") in got


def test_organisation_heads():
    got = spans("أعلنت وزارة الداخلية العراقية وقيادة عمليات نينوى أن الشرطة اعتقلت مشتبها")
    assert ("ORG", "وزارة الداخلية العراقية") in got
    assert ("ORG", "الشرطة") in got


def test_known_groups_and_clitics():
    got = spans("اشتبكت قوات البيشمركة مع عناصر داعش ولتنظيم القاعدة خلايا")
    assert ("ORG", "داعش") in got
    assert ("ORG", "تنظيم القاعدة") in got


def test_places_from_gazetteer_without_clitic():
    got = spans("وصل الوفد إلى وبغداد ثم بعقوبة وكركوك")
    assert {("LOC", "بغداد"), ("LOC", "بعقوبة"), ("LOC", "كركوك")} <= got


def test_village_after_place_head():
    got = spans("سقطت قذيفة على قرية الخضيرات شرق المدينة")
    assert ("LOC", "الخضيرات") in got


def test_wadi_keeps_its_head():
    got = spans("في منطقة وادي زغيتون جنوب غرب كركوك")
    assert ("LOC", "وادي زغيتون") in got


def test_weapons():
    got = spans("انفجرت عبوة ناسفة ثم سقطت قذائف الهاون وأطلقت طائرة مسيرة صاروخا")
    assert {("WEAPON", "عبوة ناسفة"), ("WEAPON", "قذائف الهاون"), ("WEAPON", "طائرة مسيرة"), ("WEAPON", "صاروخا")} <= got


def test_aircraft_with_model_code():
    assert ("WEAPON", "طائرات (F-16)") in spans("نفذت طائرات (F-16) ضربات")


def test_facility():
    assert ("FAC", "مركز شرطة الحويجة") in spans("هاجم مسلحون مركز شرطة الحويجة ليلا")


def test_nationality_plural():
    assert ("NORP", "مصريين") in spans("خطف مسلحون سبعة عمال مصريين")


def test_ambiguous_word_is_not_a_place():
    got = spans("وقال في بيان إن المدينة هادئة")
    assert not any(label == "LOC" for label, _ in got)


def test_verb_after_an_organisation_is_not_part_of_it():
    got = spans("قالت الوزارة إن مفارز مديرية مكافحة الإجرام ألقت القبض على متهمين")
    assert ("ORG", "مديرية مكافحة الإجرام") in got


def test_name_with_ali_inside():
    assert ("PER", "محمد علي الحكيم") in spans("التقى بنظيره محمد علي الحكيم في بغداد")


def test_ala_is_not_a_name_part():
    got = spans("قال العميد سامر الدليمي على هامش المؤتمر")
    assert ("PER", "سامر الدليمي") in got


def test_name_before_its_title():
    assert ("PER", "أشرف القدرة") in spans("وصرح أشرف القدرة، المتحدث باسم وزارة الصحة، أن")


def test_nationality_adjective_after_its_noun_is_not_a_group():
    got = spans("قال مسؤولون يمنيون إن الهجوم أوقع قتلى")
    assert not any(label == "NORP" for label, _ in got)


def test_aircraft_with_nationality():
    got = spans("أطلقت طائرة إسرائيلية بدون طيار صاروخا، ثم حلقت الطائرات الإسرائيلية")
    assert {("WEAPON", "طائرة إسرائيلية بدون طيار"), ("WEAPON", "الطائرات الإسرائيلية")} <= got


def test_group_name_used_as_a_common_noun():
    got = spans("قصفت الطائرات القاعدة العسكرية قرب الجزيرة العربية، وتبنى تنظيم القاعدة الهجوم")
    assert ("ORG", "القاعدة") not in got
    assert ("ORG", "تنظيم القاعدة") in got


def test_arab_adjective_is_not_a_channel():
    assert not any(label == "ORG" for label, _ in spans("اجتمع وزراء الدول العربية في القاهرة"))


def test_organisation_name_stops_before_a_participle():
    got = spans("هاجمت قوات الدفاع الوطني الموالية للحكومة مواقع المعارضة")
    assert ("ORG", "قوات الدفاع الوطني") in got
