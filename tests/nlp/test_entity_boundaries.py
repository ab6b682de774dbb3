"""Where an entity ends: words that follow a name but are not part of it (sentences written for these tests)."""

from annotation.nlp import get_tagger


def spans(text):
    return {(s.label, s.text) for s in get_tagger().tag(text).spans}


def test_an_adjective_after_a_place_type_word_is_no_place():
    got = spans("ومن ناحية أخرى، دعت الحكومة المالية إلى الحوار")
    assert not any(label == "LOC" for label, _ in got)


def test_a_second_place_type_word_is_no_name():
    got = spans("اندلعت اشتباكات في قرية بإقليم كيدال شمال البلاد")
    assert ("LOC", "كيدال") in got
    assert not any(text.startswith("بإقليم") for _, text in got)


def test_a_feminine_noun_after_a_masculine_body_is_its_object():
    got = spans("وأعلن الجيش السيطرة على البلدة بعد معارك عنيفة")
    assert ("ORG", "الجيش") in got
    assert not any("السيطرة" in text for _, text in got)


def test_a_masculine_body_keeps_its_adjective():
    got = spans("وقال المجلس العسكري في بيان إن الوضع هادئ")
    assert ("ORG", "المجلس العسكري") in got


def test_what_a_force_fires_is_no_part_of_its_name():
    fire = spans("وأطلقت قوات الأمن النار على المحتجين وسط المدينة")
    gas = spans("واستخدمت قوات الأمن الغاز المسيل للدموع لتفريق المتظاهرين")
    assert ("ORG", "قوات الأمن") in fire
    assert ("ORG", "قوات الأمن") in gas
    assert not any(label == "ORG" and ("النار" in text or "الغاز" in text) for label, text in fire | gas)


def test_a_sudanese_locality_a_tunisian_delegation_and_a_settlement_are_place_type_words():
    assert ("LOC", "كيلك") in spans("تجددت الاشتباكات القبلية في محلية كيلك صباح أمس")
    assert ("LOC", "الرقاب") in spans("احتج سكان معتمدية الرقاب على انقطاع المياه")
    assert ("LOC", "سديروت") in spans("سقط صاروخ على مستوطنة سديروت دون إصابات")


def test_a_locality_head_that_is_an_everyday_adjective_needs_a_preposition():
    assert not any(label == "LOC" for label, _ in spans("قالت مصادر محلية متطابقة إن الهجوم أسفر عن قتيلين"))
    assert not any(label == "LOC" for label, _ in spans("ارتفعت نسبة عمالة الأطفال في البلاد"))
    assert ("LOC", "إنزكان") in spans("اعتقلت الشرطة ثلاثة أشخاص بعمالة إنزكان بعد المداهمة")


def test_a_name_opened_by_abu_after_a_village_head_is_the_village_not_a_man():
    got = spans("أصيب راع في انفجار لغم بقرية أبو كريشة التابعة لمديرية حريب")
    assert ("LOC", "أبو كريشة") in got
    assert not any(label == "PER" for label, _ in got)


def test_an_unknown_town_placed_in_a_known_province_after_a_preposition_is_a_place():
    assert ("LOC", "كولوفاتا") in spans("قتل خمسة رعاة في كولوفاتا الواقعة في ولاية بورنو")
    assert ("LOC", "دوغو") in spans("أحرق مسلحون سوقا في دوغو بولاية زمفرا")


def test_a_common_noun_before_a_province_is_no_place():
    got = spans("قتل ثلاثة رعاة في هجوم بولاية زمفرا")
    assert {text for label, text in got if label == "LOC"} == {"زمفرا"}


def test_a_place_name_prefix_before_a_known_place_makes_one_compound_name():
    got = spans("تجمع المحتجون عند باب الخليل في القدس القديمة")
    assert ("LOC", "باب الخليل") in got
    assert ("LOC", "الخليل") not in got


def test_control_and_by_way_of_are_no_facilities():
    assert not any(label == "FAC" for label, _ in spans("أكدت مصادر سيطرة المسلحين على بلدة قريبة من الحدود"))
    assert not any(label == "FAC" for label, _ in spans("وأعلنت المصادر سيطرة قوات الدعم السريع منذ الصباح"))
    assert not any(label == "FAC" for label, _ in spans("وتم تهريب الذخائر عن طريق البحر"))


def test_a_checkpoint_with_a_name_of_its_own_is_still_a_facility():
    assert ("FAC", "سيطرة الصقور") in spans("قتل جندي في هجوم على سيطرة الصقور جنوب بغداد")


def test_a_facility_named_only_by_the_force_it_belongs_to_is_not_tagged():
    assert not any(label == "FAC" for label, _ in spans("دخلت القوات معسكر الجيش في المدينة"))


def test_facilities_with_a_short_name_a_feminine_adjective_or_a_definite_palace():
    assert ("FAC", "مستشفى النو") in spans("قصفت المسيرات مستشفى النو في أم درمان")
    assert ("FAC", "قاعدة بلدوغلي الجوية") in spans("استهدف هجوم بالهاون قاعدة بلدوغلي الجوية فجرا")
    assert ("FAC", "القصر الجمهوري") in spans("سقطت قذيفة قرب القصر الجمهوري في الخرطوم")


def test_a_place_name_read_as_an_everyday_word_is_no_place():
    assert not any(label == "LOC" for label, _ in spans("اعتقلت الشرطة ناشطا بحجة الإخلال بالأمن العام"))
    assert not any(label == "LOC" for label, _ in spans("رفع المقاتلون الراية البيضاء وسلموا أنفسهم"))
    assert ("LOC", "البيضاء") in spans("قتل جنديان في هجوم على موقع في محافظة البيضاء")
    assert ("LOC", "حجة") in spans("قصفت الطائرات مواقع في حجة مساء أمس")


def test_a_place_name_opened_by_a_prefix_keeps_an_everyday_second_word():
    assert ("LOC", "بيت أمر") in spans("أطلق جنود النار على شاب عند مدخل بلدة بيت أمر شمال الخليل")
