"""Entity rules per family, on sentences written for these tests (no text from the evaluation corpus)."""

import pytest

from annotation.nlp import get_tagger
from annotation.nlp.gazetteer import load_places, namesakes


def spans(text):
    return {(s.label, s.text) for s in get_tagger().tag(text).spans}


def test_rank_before_name_gives_person_without_title():
    got = spans("وقال العميد سامر الدليمي إن القوات تقدمت")
    assert ("PER", "سامر الدليمي") in got
    assert not any(label == "PER" and "العميد" in text for label, text in got)


def test_person_after_office_title_and_connectors():
    got = spans("استقبل رئيس الوزراء كريم عبد الستار وفدا")
    assert ("PER", "كريم عبد الستار") in got


def test_rank_with_first_class_link():
    got = spans("وأعلن الفريق أول نبيل الحمداني انتهاء العملية")
    assert ("PER", "نبيل الحمداني") in got


def test_surname_mentioned_later_is_a_person():
    got = spans("صرح اللواء تحسين الخفاجي للصحفيين. وأضاف الخفاجي أن العمليات مستمرة")
    assert ("PER", "الخفاجي") in got


def test_public_figure_without_title():
    got = spans("التقى البرهان وفدا أمميا، فيما اتهم نتنياهو خصومه بالتحريض")
    assert {("PER", "البرهان"), ("PER", "نتنياهو")} <= got


def test_name_opened_by_abu_is_a_person():
    assert ("PER", "أبو خالد الدوري") in spans("وأكد أبو خالد الدوري أن المقاتلين انسحبوا")


def test_fragment_abd_alone_is_nothing():
    got = spans("قال عبد إن الطريق مغلق")
    assert not any(text == "عبد" for _, text in got)


def test_given_name_alone_is_not_a_place():
    got = spans("وصل سعيد إلى المدرسة متأخرا")
    assert not any(label == "LOC" for label, _ in got)


def test_organisation_heads():
    got = spans("أعلنت وزارة الداخلية الليبية وقيادة عمليات نينوى أن الشرطة اعتقلت مشتبها")
    assert ("ORG", "وزارة الداخلية الليبية") in got
    assert ("ORG", "الشرطة") in got


@pytest.mark.parametrize(
    ("sentence", "force"),
    [
        ("اشتبك الجيش التشادي مع مسلحين", "الجيش التشادي"),
        ("انسحبت القوات الإثيوبية من البلدة", "القوات الإثيوبية"),
        ("نشرت القوات النيجرية تعزيزات", "القوات النيجرية"),
    ],
)
def test_army_or_forces_with_nationality_is_an_organisation(sentence, force):
    assert ("ORG", force) in spans(sentence)


def test_known_groups_and_clitics():
    got = spans("اشتبكت قوات البيشمركة مع عناصر داعش ولتنظيم القاعدة خلايا")
    assert ("ORG", "داعش") in got
    assert ("ORG", "تنظيم القاعدة") in got


def test_region_wide_groups_and_outlets():
    got = spans("قالت قوات الدعم السريع لوكالة الأناضول إن جبهة تحرير أزواد تبنت الهجوم")
    assert {("ORG", "قوات الدعم السريع"), ("ORG", "جبهة تحرير أزواد")} <= got
    assert any(label == "ORG" and text.endswith("الأناضول") for label, text in got)


def test_places_from_gazetteer_without_clitic():
    got = spans("وصل الوفد إلى وبغداد ثم بعقوبة وكركوك")
    assert {("LOC", "بغداد"), ("LOC", "بعقوبة"), ("LOC", "كركوك")} <= got


def test_first_level_division_and_cldr_country():
    got = spans("نزح آلاف من شمال دارفور، وعاد وفد من إندونيسيا")
    assert {("LOC", "شمال دارفور"), ("LOC", "إندونيسيا")} <= got


def test_generated_town_names_leave_out_place_type_words():
    assert not any(name.startswith("ناحية ") for p in load_places() for name in (p.name_ar, *p.aliases))


def test_shared_place_names_are_known_as_namesakes():
    keys = namesakes()["طرابلس"]
    assert {k.rsplit("|", 1)[1] for k in keys} == {"LBY", "LBN"}


def test_village_after_place_head():
    got = spans("سقطت قذيفة على قرية الخضيرات شرق المدينة")
    assert ("LOC", "الخضيرات") in got


def test_wadi_keeps_its_head():
    got = spans("في منطقة وادي زغيتون جنوب غرب كركوك")
    assert ("LOC", "وادي زغيتون") in got


def test_weapons():
    got = spans("انفجرت عبوة ناسفة ثم سقطت قذائف الهاون وأطلقت طائرة مسيرة صاروخا")
    assert {("WEAPON", "عبوة ناسفة"), ("WEAPON", "قذائف الهاون"), ("WEAPON", "طائرة مسيرة"), ("WEAPON", "صاروخا")} <= got


@pytest.mark.parametrize("weapon", ["ألغام", "لغم", "دبابات", "دبابتين", "عبوات ناسفة", "مسيرات", "صواريخ"])
def test_weapons_in_plural_and_dual(weapon):
    assert ("WEAPON", weapon) in spans(f"قال الشهود إن {weapon} استخدمت في الهجوم")


def test_aircraft_with_model_code():
    assert ("WEAPON", "طائرات (F-16)") in spans("نفذت طائرات (F-16) ضربات")


def test_facility():
    assert ("FAC", "مركز شرطة الحويجة") in spans("هاجم مسلحون مركز شرطة الحويجة ليلا")


def test_nationality_plural():
    # after a count the plural is the group; after "عمال" it would be the workers' adjective (FORMAT.md)
    assert ("NORP", "سوريين") in spans("خطف مسلحون سبعة سوريين")


def test_nationality_plural_from_the_country_table():
    assert ("NORP", "التشاديين") in spans("عاد مئات التشاديين إلى قراهم")


def test_ethnic_group():
    assert ("NORP", "المساليت") in spans("تعرض المساليت لهجمات متكررة")


def test_ambiguous_word_is_not_a_place():
    got = spans("وقال في بيان إن المدينة هادئة")
    assert not any(label == "LOC" for label, _ in got)


def test_verb_after_an_organisation_is_not_part_of_it():
    got = spans("قالت الوزارة إن مفارز مديرية مكافحة الإجرام ألقت القبض على متهمين")
    assert ("ORG", "مديرية مكافحة الإجرام") in got


def test_name_with_ali_inside():
    assert ("PER", "حسن علي الربيعي") in spans("التقى بنظيره حسن علي الربيعي في بغداد")


def test_ala_is_not_a_name_part():
    got = spans("قال العميد سامر الدليمي على هامش المؤتمر")
    assert ("PER", "سامر الدليمي") in got


def test_name_before_its_title():
    assert ("PER", "ماهر الزيدي") in spans("وصرح ماهر الزيدي، المتحدث باسم مديرية الصحة، أن")


def test_conjunction_word_after_a_title_is_no_name():
    got = spans("التقى رئيس المجلس ونائبيه في المقر")
    assert not any(label == "PER" for label, _ in got)


def test_nationality_adjective_after_its_noun_is_not_a_group():
    got = spans("قال مسؤولون ليبيون إن الهجوم أوقع قتلى")
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
    got = spans("هاجمت قوات الدفاع الذاتي الموالية للحكومة مواقع المعارضة")
    assert ("ORG", "قوات الدفاع الذاتي") in got


def test_a_string_tagged_once_is_tagged_where_it_recurs_with_clitics():
    text = "سقطت قذيفة على قرية الخضيرات فجرا. وفر سكان الخضيرات، ثم عاد بعضهم وبالخضيرات دمار كبير"
    found = [(s.label, s.text) for s in get_tagger().tag(text).spans if s.label == "LOC"]
    assert found == [("LOC", "الخضيرات")] * 3


def test_local_division_heads_give_the_place_without_the_head():
    got = spans("وقعت اشتباكات في مقاطعة زانكورا وفي عزبة الشربيني أمس")
    assert {("LOC", "زانكورا"), ("LOC", "الشربيني")} <= got


def test_square_named_midan_keeps_its_head():
    assert ("LOC", "ميدان الشهداء") in spans("تجمع المحتجون في ميدان الشهداء وسط المدينة")


def test_restaurant_and_cemetery_are_facilities():
    got = spans("انفجرت عبوة قرب مطعم السلطان ثم قرب مقبرة الشهداء")
    assert {("FAC", "مطعم السلطان"), ("FAC", "مقبرة الشهداء")} <= got


def test_place_name_of_several_words_after_its_head():
    got = spans("نفذ الجيش غارة في منطقة كولي دا ماسو، جنوب البلاد")
    assert ("LOC", "كولي دا ماسو") in got


def test_place_name_after_its_head_stops_before_the_time():
    got = spans("هاجم مسلحون بلدة تانكاري مساء أمس")
    assert ("LOC", "تانكاري") in got


def test_list_of_towns_goes_on_after_a_known_town():
    got = spans("سقطت قذائف على بلدات الناقورة وشمعون وأبو زريق")
    assert {("LOC", "الناقورة"), ("LOC", "شمعون"), ("LOC", "أبو زريق")} <= got


def test_office_holders_of_the_region_are_known_without_a_title():
    got = spans("ناقش ناصر بوريطة مع عبد الوافي لفتيت ملف الحدود، فيما زار ذبيح الله مجاهد الولاية")
    assert {("PER", "ناصر بوريطة"), ("PER", "عبد الوافي لفتيت"), ("PER", "ذبيح الله مجاهد")} <= got


def test_a_drone_alone_is_a_weapon_in_a_drones_context_and_a_march_is_not():
    assert ("WEAPON", "مسيّرة") in spans("أسقطت الدفاعات الجوية مسيّرة قرب المطار")
    assert ("WEAPON", "مسيرة تركية") in spans("قتل شخصان بمسيرة تركية")
    assert ("WEAPON", "مسيرتين") in spans("اعترض الجيش مسيرتين فوق البلدة")
    assert not any(label == "WEAPON" for label, _ in spans("شارك المئات في مسيرة سلمية وسط المدينة"))


def test_mines_in_the_accusative_and_knives_are_weapons():
    assert ("WEAPON", "ألغاما") in spans("زرع المسلحون ألغاما على الطريق")
    got = spans("هاجموا القرية بالأسلحة البيضاء والسكاكين")
    assert {("WEAPON", "الأسلحة البيضاء"), ("WEAPON", "السكاكين")} <= got
    assert not any(label == "LOC" for label, _ in got)


def test_a_nationality_alone_after_what_befell_the_person_is_a_group_noun():
    assert ("NORP", "فلسطيني") in spans("أعلنت الوزارة استشهاد فلسطيني برصاص الجيش")
    assert ("NORP", "مصري") in spans("أعلنت السلطات اعتقال مصري في المطار")
    assert not any(label == "NORP" for label, _ in spans("انتشرت القوات العراقية في المدينة"))
