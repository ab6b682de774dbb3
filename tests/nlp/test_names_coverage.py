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


def test_facility_named_after_a_person():
    assert ("FAC", "مسجد خالد بن الوليد") in spans("واستهدفت الغارة مسجد خالد بن الوليد في الحي")


def test_facility_name_opened_by_a_prefix():
    got = spans("ونقل المصابون إلى مستشفى ابن رشد، وأغلق معبر كرم أبو سالم")
    assert {("FAC", "مستشفى ابن رشد"), ("FAC", "معبر كرم أبو سالم")} <= got


def test_facility_with_unknown_name_and_adjective():
    assert ("FAC", "حقل زرقون النفطي") in spans("وهاجم المسلحون حقل زرقون النفطي فجرا")


def test_place_type_word_stays_out_of_a_region_name():
    got = spans("وتدهور الوضع الإنساني في إقليم تيغراي خلال الصيف")
    assert ("LOC", "تيغراي") in got
    assert ("LOC", "إقليم تيغراي") not in got


def test_place_list_ends_at_a_comma_before_a_clause():
    got = spans("وانتشرت القوات بين مدينتي غاو وميناكا، واستهدفتا قافلة")
    assert {("LOC", "غاو"), ("LOC", "ميناكا")} <= got
    assert not any("استهدفتا" in text for _, text in got)


def test_place_name_does_not_run_into_a_li_genitive():
    got = spans("ونزح السكان إلى مخيم زمزم للنازحين أمس")
    assert ("LOC", "زمزم") in got


def test_office_head_read_as_organisation_not_place():
    got = spans("وأعلنت مديرية المخابرات توقيف مطلوبين")
    assert ("ORG", "مديرية المخابرات") in got
    assert not any(label == "LOC" for label, _ in got)


def test_word_beginning_with_kaf_is_no_place_after_the_particle():
    got = spans("ونصب المسلحون كمينا لدورية الجيش")
    assert not any(label == "LOC" for label, _ in got)


def test_definite_head_does_not_take_a_noun():
    got = spans("وأعلنت الحكومة الحداد ثلاثة أيام")
    assert not any(label == "ORG" and "الحداد" in text for label, text in got)


def test_governor_title_before_name():
    assert ("PER", "باباغانا زولوم") in spans("وصرح حاكم ولاية بورنو باباغانا زولوم بأن الهجوم فشل")


def test_adjective_after_title_is_no_person():
    got = spans("وأعلن الجيش مقتل قائد ميداني في الغارة")
    assert not any(label == "PER" for label, _ in got)


def test_weapon_modifier_in_dual_plural_and_accusative():
    got = spans("وأطلقت الجماعة صاروخين باليستيين، وأسقط الجيش مسيرتين انتحاريتين، وفجر رجل حزاما ناسفا")
    assert {("WEAPON", "صاروخين باليستيين"), ("WEAPON", "مسيرتين انتحاريتين"), ("WEAPON", "حزاما ناسفا")} <= got


def test_launcher_with_a_known_weapon_and_mines_against_people():
    got = spans("وضبطت الشرطة قاذفة آر بي جي وعشرات الألغام المضادة للأفراد")
    assert {("WEAPON", "قاذفة آر بي جي"), ("WEAPON", "الألغام المضادة للأفراد")} <= got


def test_dual_grenades_and_knife():
    got = spans("وعثر على قنبلتين يدويتين، وطعن المهاجم حارسا بسكين")
    assert {("WEAPON", "قنبلتين يدويتين"), ("WEAPON", "سكين")} <= got


def test_displaced_people_are_no_place_after_camp():
    got = spans("وسقطت قذيفة على مخيم النازحين شرق المدينة")
    assert not any(label == "LOC" for label, _ in got)


def test_actor_rows_keep_aliases_in_the_aliases_column():
    from annotation.nlp.gazetteer import DATA

    rows = [
        line.split("\t") for line in (DATA / "actors.tsv").read_text(encoding="utf-8").splitlines() if line and not line.startswith("#")
    ]
    assert [r[0] for r in rows if len(r) > 6] == []


def test_group_noun_aliases_are_read():
    got = spans("وأصيب ثلاثة أكراد في القصف، وندد الكرد بالهجوم")
    assert {("NORP", "أكراد"), ("NORP", "الكرد")} <= got


def test_faith_adjective_does_not_close_an_organisation():
    assert ("ORG", "المجلس الإسلامي الشيعي الأعلى") in spans("وندد المجلس الإسلامي الشيعي الأعلى بالاعتداء")


def test_name_set_off_by_commas_after_its_title():
    got = spans("وقال المتحدث باسم الجيش الكيني، جيمس أوتينو، إن الدورية نجت")
    assert ("PER", "جيمس أوتينو") in got


def test_title_with_a_force_and_a_province_before_the_name():
    got = spans("وأعلن قائد شرطة ولاية كاتسينا، غامبو إيسا، توقيف مشتبهين")
    assert ("PER", "غامبو إيسا") in got


def test_spokesman_link_is_not_the_given_name_basim():
    got = spans("وقال الناطق باسم الشرطة، العقيد جون كامارا، إن التحقيق جار")
    assert ("PER", "جون كامارا") in got
    assert not any(label == "PER" and "باسم" in text for label, text in got)


def test_title_after_a_name_ends_it():
    got = spans("وقال يوسف حمدان المدعي العام للمحكمة إن التحقيق بدأ")
    assert ("PER", "يوسف حمدان") in got
    assert not any(label == "PER" and "للمحكمة" in text for label, text in got)


def test_place_after_governor_title_is_not_a_person():
    got = spans("وقال حاكم منطقة تاهوا أمس إن الوضع هادئ")
    assert not any(label == "PER" for label, _ in got)


def test_known_state_body_keeps_its_country_adjective():
    got = spans("وأنقذ خفر السواحل التونسي عشرات المهاجرين")
    assert ("ORG", "خفر السواحل التونسي") in got


def test_armed_group_drops_a_descriptive_adjective():
    got = spans("وأعلن حزب الله اللبناني استهداف موقع عسكري")
    assert ("ORG", "حزب الله") in got


def test_li_genitive_ends_before_a_noun():
    got = spans("ورفض المجلس الأعلى للدولة القرار الأخير")
    assert ("ORG", "المجلس الأعلى للدولة") in got


def test_society_and_mission_heads():
    got = spans("وقالت جمعية الهلال الأحمر الصومالي إن بعثة الاتحاد الأفريقي غادرت")
    assert {("ORG", "جمعية الهلال الأحمر الصومالي"), ("ORG", "بعثة الاتحاد الأفريقي")} <= got


def test_village_list_keeps_names_in_iya_another_kind_and_a_two_word_last_name():
    got = spans("وسقطت القذائف على بلدات كفرسالم ورامية وحي الزيتون ومزرعة في الجنوب")
    assert {("LOC", "كفرسالم"), ("LOC", "رامية"), ("LOC", "الزيتون"), ("LOC", "مزرعة")} <= got


def test_two_word_last_village_before_a_preposition():
    got = spans("ونزح سكان قرى كفرسالم وطير حرفا في الجنوب")
    assert ("LOC", "طير حرفا") in got


def test_ordinal_day_of_the_current_month_is_one_date():
    assert ("DATE", "الخامس من الشهر الجاري") in spans("وأغلقت السلطات المعبر في الخامس من الشهر الجاري")


def test_month_word_opens_a_date():
    assert ("DATE", "شهر مارس 2022") in spans("وانسحبت القوات من البلدة في شهر مارس 2022")


def test_suspect_is_not_part_of_the_police():
    got = spans("واعتقلت الشرطة المشتبه به في منزله")
    assert ("ORG", "الشرطة") in got


def test_sahel_and_great_lakes_groups_and_congo():
    got = spans("وتبنى تنظيم الدولة الإسلامية في الساحل الهجوم، فيما تقدمت حركة 23 مارس في الكونغو الديمقراطية")
    assert {
        ("ORG", "تنظيم الدولة الإسلامية في الساحل"),
        ("ORG", "حركة 23 مارس"),
        ("LOC", "الكونغو الديمقراطية"),
    } <= got
    assert not any(label == "DATE" for label, _ in got)


def test_longer_name_set_off_before_its_title():
    got = spans("وقال سيدي محمد ولد أحمد، حاكم المقاطعة، إن الوضع هادئ")
    assert ("PER", "سيدي محمد ولد أحمد") in got


def test_witness_set_off_before_one_of_the_residents():
    assert ("PER", "كوامي أسانتي") in spans("وقال كوامي أسانتي، أحد سكان القرية، إن المسلحين وصلوا")


def test_spokesman_for_it_is_no_name():
    got = spans("وقال الجيش إن الناطق باسمه، أصيب في الهجوم")
    assert not any(label == "PER" for label, _ in got)


def test_speaker_after_a_verb_of_saying():
    got = spans("وقال كوامي أسانتي إن المسلحين وصلوا، وقال مصدر أمني إن الهجوم فشل")
    assert ("PER", "كوامي أسانتي") in got
    assert not any(label == "PER" and "مصدر" in text for label, text in got)


def test_minister_portfolio_is_not_the_body():
    got = spans("حسبما أعلن وزير الأمن العام التشادي")
    assert not any(label == "ORG" for label, _ in got)


def test_second_person_after_and():
    got = spans("واعتقلت الشرطة خالد منصور وجبريل آدم في المنزل")
    assert ("PER", "جبريل آدم") in got


def test_and_on_is_not_the_name_ali():
    got = spans("وعلى الصعيد الأمني قتل جندي")
    assert not any(label == "PER" for label, _ in got)


def test_district_of_the_sahel_is_a_place():
    got = spans("ووقع الهجوم في قرية بوني التابعة لدائرة دوينتزا")
    assert ("LOC", "دوينتزا") in got
    assert not any(label == "ORG" for label, _ in got)


def test_nationality_after_a_victim_noun_with_a_conjunction():
    assert ("NORP", "سودانية") in spans("وأدى القصف إلى هدم منزل ومقتل سودانية وطفلها")


def test_nationality_as_the_victim_of_a_verb():
    got = spans("واعتقلت القوات سوريا قرب الحاجز، واستشهد فلسطيني آخر")
    assert {("NORP", "فلسطيني")} <= got
    assert ("NORP", "فلسطينيا") in spans("وقتل مستوطنون فلسطينيا قرب القرية")


def test_firearms_pistols_and_barrels():
    got = spans("واستخدم المسلحون أسلحة نارية ومسدسا، وألقت المروحيات براميل متفجرة")
    assert {("WEAPON", "أسلحة نارية"), ("WEAPON", "براميل متفجرة")} <= got


def test_base_after_a_preposition_is_no_group():
    got = spans("وسقطت صواريخ على القاعدة قرب المطار")
    assert not any(label == "ORG" for label, _ in got)


def test_object_after_a_definite_body_is_not_its_name():
    got = spans("وفرقت الشرطة المحتجين بالقوة")
    assert ("ORG", "الشرطة") in got


def test_possession_is_no_place():
    got = spans("وضبطت بحوزة المتهم بندقية")
    assert not any(label == "LOC" for label, _ in got)


def test_everyday_words_that_geonames_lists_as_towns_are_no_places():
    got = spans("وقال إن الحراك في الشمال ينقل مطالبه إلى المحلات، وإن السنوات الخمس الماضية كانت صعبة")
    assert not any(label == "LOC" for label, _ in got)


def test_size_adjective_belongs_to_a_definite_place():
    assert ("LOC", "الوادي الكبير") in spans("وهاجم مسلحون مسجدا في منطقة الوادي الكبير ليلا")


def test_general_hospital_keeps_its_adjective():
    assert ("FAC", "مستشفى السلام العام") in spans("ونقل الجرحى إلى مستشفى السلام العام في المدينة")


def test_countryside_word_stays_out_of_the_place():
    got = spans("وقصفت الطائرات ريف كفرسالم الشمالي")
    assert ("LOC", "كفرسالم") in got
    assert not any(label == "LOC" and "ريف" in text for label, text in got)


def test_li_genitive_that_is_another_body_stays_apart():
    got = spans("وقالت لجنة شؤون الأسرى للحوثيين إن التبادل تم")
    assert ("ORG", "لجنة شؤون الأسرى") in got


def test_internet_and_motorway_are_no_names():
    got = spans("وانقطعت شبكة الإنترنت، وأغلق الطريق السيارة")
    assert not any(label in ("ORG", "FAC") for label, _ in got)


def test_li_genitive_that_is_a_known_sector_joins_the_office():
    got = spans("وأكدت الإدارة العامة للأمن الوطني توقيف مهربين")
    assert ("ORG", "الإدارة العامة للأمن الوطني") in got


def test_li_genitive_with_a_verbal_noun():
    got = spans("وقالت المديرية العامة لمراقبة التراب الوطني إن الخلية فككت")
    assert ("ORG", "المديرية العامة لمراقبة التراب الوطني") in got


def test_compound_given_name_with_al_din():
    assert ("PER", "نور الدين العلوي") in spans("وقال العقيد نور الدين العلوي إن الوحدات انسحبت")


def test_leader_named_after_under_the_command_of():
    got = spans("وهاجمت مجموعة مسلحة بقيادة كوفي منساه القرية")
    assert ("PER", "كوفي منساه") in got


def test_place_beside_a_known_one_after_between():
    got = spans("وانفجرت العبوة على الطريق بين غاو وتيسيت، وتنقل القوافل بين أنسونغو وغاو")
    assert {("LOC", "تيسيت"), ("LOC", "أنسونغو")} <= got


def test_body_beside_a_place_after_between_is_no_place():
    got = spans("وتصاعد الخلاف بين بغداد والحكومة المحلية")
    assert not any(label == "LOC" and "الحكومة" in text for label, text in got)


def test_given_name_with_a_letter_like_a_clitic_is_no_place():
    got = spans("وأعلنت السلطات اعتقال المواطن عمر فاروق بتهمة التحريض")
    assert ("PER", "عمر فاروق") in got
    assert not any(label == "LOC" for label, _ in got)


def test_known_family_name_completes_another_persons_name():
    got = spans("وتسلم اللواء محمود صالح الفياض قيادة العمليات")
    assert ("PER", "محمود صالح الفياض") in got


def test_weekday_agreeing_with_a_date_is_one_expression():
    got = spans("ووقع الهجوم يوم الأربعاء الموافق 9 أكتوبر في البلدة")
    assert ("DATE", "يوم الأربعاء الموافق 9 أكتوبر") in got


def test_night_from_one_day_to_the_next_and_about_two_weeks_ago():
    got = spans("واندلعت الاشتباكات ليلة الخميس إلى الجمعة، بعد هجوم وقع قبل نحو أسبوعين")
    assert {("DATE", "ليلة الخميس إلى الجمعة"), ("DATE", "قبل نحو أسبوعين")} <= got


def test_night_to_the_next_day_resolves_to_the_first_day():
    import datetime as dt

    from annotation.nlp.dates import find_dates, resolve
    from annotation.nlp.tokenize import tokenize

    _, tokens = tokenize("ليلة الخميس إلى الجمعة")
    (expr,) = find_dates(tokens)
    assert resolve(expr, dt.date(2024, 12, 20)).date == dt.date(2024, 12, 19)
