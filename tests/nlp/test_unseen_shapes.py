"""Name and facility shapes of unseen wire reports (issue 9): sentences written for these tests."""

from annotation.nlp import get_tagger


def spans(text):
    return {(s.label, s.text) for s in get_tagger().tag(text).spans}


def test_name_stops_before_a_noun_with_its_owners_pronoun():
    got = spans("ودعا عمر بوزيد أنصاره إلى التزام الهدوء")
    assert ("PER", "عمر بوزيد") in got
    assert not any("أنصاره" in text for _, text in got)


def test_name_in_ah_is_no_pronoun():
    assert ("PER", "كوجو منساه") in spans("وقال الرائد كوجو منساه إن الدورية عادت")


def test_preposition_ala_is_not_the_name_ali():
    got = spans("وأفادت الإذاعة بأن المجلس صادق على الاتفاق أمس")
    assert not any(label == "PER" for label, _ in got)


def test_definite_given_name_inside_a_long_name():
    assert ("PER", "محمد الحسن ولد أعمر") in spans("والتقى محمد الحسن ولد أعمر بالوفد في العاصمة")


def test_one_unknown_word_names_a_prison_or_crossing():
    got = spans("نقل المعتقلون إلى سجن بورخ في الشرق، وأغلق معبر تمالت الحدودي")
    assert ("FAC", "سجن بورخ") in got
    assert ("FAC", "معبر تمالت الحدودي") in got


def test_facility_head_before_an_adjective_is_no_name():
    got = spans("نقل الجرحى إلى مستشفى ميداني قرب الحدود، ثم إلى مستشفى كبير في المدينة")
    assert not any(label == "FAC" for label, _ in got)


def test_facility_named_after_a_titled_person():
    got = spans("ونقل المصابون إلى مستشفى الأمير سلمان العسكري صباح اليوم")
    assert ("FAC", "مستشفى الأمير سلمان العسكري") in got


def test_street_named_after_a_person_with_a_definite_given_name():
    assert ("FAC", "شارع الحبيب السالمي") in spans("وتجمع المحتجون في شارع الحبيب السالمي وسط المدينة")


def test_mosque_head_jami():
    assert ("FAC", "جامع القرويين") in spans("وأقيمت الصلاة في جامع القرويين بحضور المئات")


def test_quoted_name_after_a_group_head_is_the_group():
    got = spans("وتبنت جماعة «سرايا الفجر» الهجوم على الحاجز")
    assert ("ORG", "سرايا الفجر") in got


def test_quoted_group_named_like_a_place_is_the_group():
    got = spans("وأعلنت حركة «ماسينا» مسؤوليتها عن الكمين")
    assert ("ORG", "ماسينا") in got
    assert ("LOC", "ماسينا") not in got


def test_navy_with_nationality_and_not_a_maritime_border():
    assert ("ORG", "البحرية الإيرانية") in spans("واحتجزت البحرية الإيرانية ناقلة نفط أمس")
    assert not any(label == "ORG" for label, _ in spans("وناقش الوفد الحدود البحرية اللبنانية مع الوسطاء"))


def test_air_force_keeps_its_nationality():
    assert ("ORG", "سلاح الجو المصري") in spans("وشن سلاح الجو المصري غارات على مواقع المهربين")


def test_title_nationality_then_name():
    got = spans("وقال العقيد النيجري أبارشي كوندو في تصريح إن الدورية عادت")
    assert ("PER", "أبارشي كوندو") in got


def test_last_name_in_a_before_what_was_said():
    assert ("PER", "تيسفاي غيتاشيو جولا") in spans("وقال المتحدث تيسفاي غيتاشيو جولا إن الطريق مغلق")


def test_strait_keeps_its_head():
    assert ("LOC", "مضيق باب المندب") in spans("وعبرت السفينة مضيق باب المندب فجرا")


def test_unknown_word_after_a_cardinal_direction_is_a_place():
    assert ("LOC", "بورغو") in spans("وهاجم المسلحون دورية للجيش جنوب بورغو، وفق مصادر محلية")


def test_direction_before_a_common_word_is_no_place():
    got = spans("وتقدمت القوات شمال شرق المدينة بعد ظهر أمس")
    assert not any(label == "LOC" for label, _ in got)


def test_plural_place_head_opens_a_list():
    got = spans("وقصفت الطائرات أحياء الزيتون والصبرة والرمال")
    assert {("LOC", "الزيتون"), ("LOC", "الصبرة"), ("LOC", "الرمال")} <= got


def test_forest_keeps_its_head():
    assert ("LOC", "غابة تنتيكو") in spans("وفر المسلحون إلى غابة تنتيكو بعد الهجوم")


def test_everyday_words_spelled_like_small_towns_are_no_places():
    got = spans("وخلال الأشهر الماضية شنت الفصائل هجمات متفرقة")
    assert not any(label == "LOC" for label, _ in got)


def test_name_after_a_verb_of_announcing_before_the_office():
    assert ("PER", "مسعد بولس") in spans("وأعلن مسعد بولس مستشار الرئيس وصوله إلى المدينة")


def test_saint_opens_a_church_name_and_a_preposition_ends_a_bridge_name():
    got = spans("واستهدف الهجوم كنيسة القديس يوسف، وأغلق جسر الملك حسين أمام المسافرين")
    assert ("FAC", "كنيسة القديس يوسف") in got
    assert ("FAC", "جسر الملك حسين") in got


def test_weapon_models_after_their_head():
    got = spans("وأطلقت السفن صواريخ توماهوك، وقصفت طائرات إف-35 المواقع، وصودرت بنادق كلاشينكوف")
    assert {("WEAPON", "صواريخ توماهوك"), ("WEAPON", "طائرات إف-35"), ("WEAPON", "بنادق كلاشينكوف")} <= got


def test_drone_written_min_dun_tayyar_and_live_ammunition():
    got = spans("وأسقطت الدفاعات طائرة من دون طيار، وضبطت الدورية ذخيرة حية")
    assert {("WEAPON", "طائرة من دون طيار"), ("WEAPON", "ذخيرة حية")} <= got


def test_or_after_a_weapon_is_no_model():
    got = spans("ولم يتضح هل كانت صواريخ أم قذائف")
    assert ("WEAPON", "صواريخ") in got


def test_generic_forces_head_before_a_known_body_is_left_out():
    got = spans("وانتشرت قوات الجيش في الشوارع بعد الاشتباكات")
    assert ("ORG", "الجيش") in got
    assert not any(text.startswith("قوات") for _, text in got)


def test_peoples_of_the_sahel_and_the_horn_are_groups():
    got = spans("واندلعت اشتباكات بين الدوغون والبامبارا، ونزح آلاف من الدينكا")
    assert {("NORP", "الدوغون"), ("NORP", "البامبارا"), ("NORP", "الدينكا")} <= got


def test_ali_spelled_with_ya_in_a_text_that_writes_ala_is_a_name():
    got = spans("وقال علي حسن إن القوات سيطرت على البلدة")
    assert ("PER", "علي حسن") in got


def test_ala_without_dots_stays_a_preposition():
    got = spans("وسيطرت القوات علي مواقع المسلحين وعلي الطريق")
    assert not any(label == "PER" for label, _ in got)


def test_nationality_joins_an_aircraft_only_right_after_its_head():
    got = spans("وقصفت طائرات مسيرة تركية القرية، ثم حلقت الطائرات الروسية فوقها")
    assert ("WEAPON", "طائرات مسيرة") in got
    assert ("WEAPON", "الطائرات الروسية") in got


def test_forces_head_stays_before_an_army_named_with_its_nationality():
    assert ("ORG", "قوات الجيش الكيني") in spans("وتقدمت قوات الجيش الكيني نحو الحدود")


def test_known_place_after_a_preposition_keeps_its_part_adjective():
    assert ("LOC", "القدس الشرقية") in spans("واعتقلت الشرطة ثلاثة شبان في القدس الشرقية مساء أمس")


def test_adjective_after_a_countryside_belongs_to_the_countryside():
    got = spans("وقصفت المدفعية قرى ريف إدلب الجنوبي")
    assert ("LOC", "إدلب") in got
    assert ("LOC", "إدلب الجنوبي") not in got


def test_title_with_a_bi_genitive_before_the_name():
    got = spans("وقال الوزير المكلف بالأمن عمر سانغاري إن التحقيق جار")
    assert ("PER", "عمر سانغاري") in got
    assert not any("بالأمن" in text for label, text in got if label == "PER")


def test_foreign_first_names_in_a_after_a_title():
    got = spans("وقالت الوزيرة السويدية ماريا ستينرغارد إن بلادها قلقة، وقال زعيم المعارضة رايلا أودينغا إن الانتخابات مزورة")
    assert {("PER", "ماريا ستينرغارد"), ("PER", "رايلا أودينغا")} <= got


def test_adverb_in_iyyan_after_a_title_is_no_name():
    got = spans("وقال الوزير حاليا وإقليميا إن الوضع هادئ")
    assert not any(label == "PER" for label, _ in got)


def test_definite_given_name_in_in_ends_a_name():
    assert ("PER", "محمد عثمان الحسين") in spans("وقال الفريق أول محمد عثمان الحسين إن العمليات مستمرة")


def test_name_after_what_befell_its_bearer():
    got = spans("وأدانت المنظمة اغتيال ساليفو ديالو، وأكدت العائلة مقتل إسماعيل جبريل بعد إصابته")
    assert {("PER", "ساليفو ديالو"), ("PER", "إسماعيل جبريل")} <= got


def test_counts_plurals_and_agreeing_adjectives_after_a_victim_noun_are_no_names():
    got = spans("وأسفر الهجوم عن مقتل خمسة إرهابيين واعتقال أربعة آخرين، وتم اختطاف طفلة صغيرة في المدينة")
    assert not any(label == "PER" for label, _ in got)


def test_a_name_without_connectors_stops_at_three_words():
    got = spans("والتقى الرئيس محمد سالم أحمد يوسف كمارا المبعوث الأممي")
    assert ("PER", "محمد سالم أحمد") in got


def test_police_station_stays_a_facility():
    assert ("FAC", "مركز شرطة العامرية") in spans("وهاجم مسلحون مركز شرطة العامرية ليلا")


def test_one_word_facility_name_before_a_known_place():
    assert ("FAC", "سجن بورخ") in spans("ونقل المعتقلون إلى سجن بورخ بالخرطوم مساء أمس")


def test_league_with_nationality_and_purpose_is_one_body():
    got = spans("وقالت الرابطة الموريتانية للدفاع عن حقوق الإنسان إن الاعتقالات تعسفية")
    assert ("ORG", "الرابطة الموريتانية للدفاع عن حقوق الإنسان") in got


def test_alliance_keeps_its_li_genitive():
    assert ("ORG", "تحالف القوى الوطنية للتغيير") in spans("وأعلن تحالف القوى الوطنية للتغيير انسحابه من الحوار")


def test_verbal_noun_after_a_title_word_is_no_name():
    got = spans("وأعلن المجلس العسكري الحاكم في النيجر تعليق الاتفاق")
    assert not any(label == "PER" for label, _ in got)
