"""Where a person's name ends and what a nationality word names: sentences written for these tests (no text from the
evaluation corpus)."""

from annotation.nlp import get_tagger


def persons(text):
    return {s.text for s in get_tagger().tag(text).spans if s.label == "PER"}


def test_fa_inna_after_a_name_is_no_part_of_it():
    assert persons("وبحسب نادر سليم حمدان فإن القافلة وصلت") == {"نادر سليم حمدان"}


def test_the_one_of_after_a_name_ends_it():
    assert persons("وقال مامادو كوناتي أحد المزارعين إن الماشية نفقت") == {"مامادو كوناتي"}


def test_met_his_end_after_a_name_ends_it():
    assert persons("ولقي الراعي حامد يوسف حتفه في الانفجار") == {"حامد يوسف"}


def test_his_saying_after_a_definite_family_name_closes_the_name():
    assert persons("ونقلت الإذاعة عن الطبيب سامر الخطيب قوله إن المستشفى امتلأ") == {"سامر الخطيب"}


def test_known_outlet_with_a_preposition_closes_a_definite_family_name():
    assert persons("وقال المزارع فادي الجراح لرويترز إن الحقول احترقت") == {"فادي الجراح"}


def groups(text):
    return {s.text for s in get_tagger().tag(text).spans if s.label == "NORP"}


def test_nationality_after_a_broken_plural_of_people_is_their_adjective():
    assert groups("وخطف مسلحون سبعة عمال مصريين قرب الحدود") == set()


def test_definite_nationality_after_definite_officials_is_their_adjective():
    assert groups("والتقى الوفد الضباط الأردنيين في عمان") == set()


def test_nationality_in_another_case_than_the_plural_before_it_is_the_group():
    assert groups("وأحرق مستوطنون فلسطينيين داخل منزلهم") == {"فلسطينيين"}


def test_a_dual_nationality_noun_names_two_people():
    assert groups("وقتل ثلاثة أشخاص في الغارة وأصيب لبنانيان") == {"لبنانيان"}


def test_dual_nationality_after_a_dual_noun_is_its_adjective():
    assert groups("وأصيب شرطيان تونسيان في الهجوم") == set()


def test_feminine_plural_nationality_noun_is_a_group():
    assert groups("واحتجزت الشرطة أربع سوريات عند المعبر") == {"سوريات"}


def test_a_peoples_plural_is_known_in_the_other_case_and_without_its_article():
    assert groups("وقال فولانيون من القرية إن المسلحين سرقوا الماشية") == {"فولانيون"}


def test_a_known_family_name_opened_by_bin_completes_a_name():
    assert persons("واعتقلت الشرطة الكاتب نزار بن بريك في منزله") == {"نزار بن بريك"}


def test_a_last_name_in_a_before_the_bearers_office():
    assert persons("وأصيب النقيب عمر كوليبالا قائد السرية بجروح") == {"عمر كوليبالا"}


def test_the_body_a_title_belongs_to_is_no_name():
    got = persons("وقال عضو المكتب السياسي لحركة أنصار الله كمال جابر إن الاتفاق انهار")
    assert got == {"كمال جابر"}


def test_two_family_names_the_second_in_i():
    assert persons("وقالت هالة الصادق الميرغني وزيرة الصحة السابقة إن المستشفيات أغلقت") == {"هالة الصادق الميرغني"}


def test_a_definite_object_and_a_country_adjective_stay_out_of_a_name():
    assert persons("واستقبل خالد الوفد العراقي في مكتبه") == set()


def test_a_given_name_in_waw_after_a_rank_and_its_nationality():
    assert persons("وقال العقيد الكيني وارسامي كيبيت إن الدورية تعرضت لكمين") == {"وارسامي كيبيت"}


def test_a_given_name_before_a_known_family_name_makes_one_name():
    assert persons("وصافح الرئيس جوليان غويتا الوفد") == {"جوليان غويتا"}


def test_a_force_and_its_adjective_before_waw_is_a_conjunction():
    assert persons("وانتشر الجيش الكيني وقوات الشرطة في المدينة") == set()


def test_a_western_given_name_opens_an_untitled_name():
    assert persons("وأشاد مايكل هولدن بالاتفاق بين الطرفين") == {"مايكل هولدن"}


def test_an_event_with_a_preposition_ends_a_name():
    assert persons("وأفاد مدير المرصد رامز عبد الكريم بمقتل أربعة مدنيين") == {"رامز عبد الكريم"}


def test_ali_after_a_title_in_a_text_that_spells_the_preposition_with_alef_maqsura():
    got = persons("وقال الوزير علي كوناري إن الجنود سيطروا على المعبر")
    assert got == {"علي كوناري"}


def test_the_preposition_after_a_title_stays_out_of_names():
    assert persons("وشدد الوزير على ضرورة حماية المدنيين") == set()


def test_ali_after_a_title_where_the_text_spells_every_ala_with_ya():
    assert persons("وقال القائد علي كوناتي إن الهجوم فشل") == {"علي كوناتي"}


def test_the_ya_spelt_preposition_after_a_title_before_a_noun_phrase():
    for text in ("وحصل الوزير علي دعم البرلمان", "وأثنى الرئيس علي الجيش في كلمته", "وأصر القائد علي مواصلة القتال"):
        assert persons(text) == set(), text


def test_a_name_after_the_titles_adjective_in_i():
    assert persons("وقال الناطق الرسمي باسم الجيش سوليمان ديمبيلي إن القوات تقدمت") == {"سوليمان ديمبيلي"}
    assert persons("وقال القائد الميداني غوني زولوم إن القوات تقدمت") == {"غوني زولوم"}


def test_a_word_with_a_preposition_after_an_adjective_in_i_is_no_name():
    assert persons("وهي الزيارة الأولى لمسؤول خليجي منذ سنوات") == set()


def test_the_verb_after_a_subjects_name_stays_out_of_it():
    assert persons("وأوضح أن رامي سالم كان يقود الحافلة") == {"رامي سالم"}
    assert persons("وذكرت الشرطة أن ماجد يوسف فر إلى الخارج") == {"ماجد يوسف"}
    assert persons("وتبين أن منير صالح نفذ الهجوم وحده") == {"منير صالح"}


def test_ali_as_a_family_name_before_a_comma_or_the_next_name():
    assert persons("وحضر كل من كريم علي وسامر حداد") == {"كريم علي", "سامر حداد"}
    assert persons("وقال كريم علي، وهو من سكان الحي، إن القصف استمر") == {"كريم علي"}


def test_a_nationality_alone_among_the_victims_is_a_group():
    assert groups("وقتل أربعة عمال بينهم سوداني في انهيار المنجم") == {"سوداني"}


def test_a_name_opened_by_abd_after_a_preposition_drops_the_preposition():
    assert persons("وأوكلت المهمة لعبد الكريم حمدان قبل أسبوع") == {"عبد الكريم حمدان"}
    assert persons("واتصل الوزير بعبدالرحمن سالم هاتفيا") == {"عبدالرحمن سالم"}


def test_a_recurring_group_word_is_no_group_where_it_is_an_adjective():
    text = "وفر آلاف التشاديين من القتال. وقتل الجنود التشاديين في الكمين."
    got = [(s.text, s.start) for s in get_tagger().tag(text).spans if s.label == "NORP"]
    assert got == [("التشاديين", text.index("التشاديين"))]


def test_a_title_word_that_is_a_given_name_opens_the_bearers_name():
    assert persons("وقال رئيس حزب الكتائب أمين الجميل إن البلاد في خطر") == {"أمين الجميل"}
    assert persons("وقال محافظ البنك المركزي أمين سالم إن الاحتياطي كاف") == {"أمين سالم"}


def test_a_title_word_before_its_body_stays_a_title():
    assert persons("وقال أمين عام الحزب إن المقاطعة قائمة") == set()
    assert persons("والتقى الوزير أمير منطقة الرياض") == set()


def test_a_mothers_kunya_is_a_name():
    assert persons("وتعيش أم خالد في خيمة منذ شهرين") == {"أم خالد"}
    assert persons("وسقطت قذائف على أم درمان") == set()


def test_a_definite_family_name_before_the_verbs_accusative_object():
    assert persons("ونشر عبد الله الأحمد صورا للهجوم") == {"عبد الله الأحمد"}
    assert persons("واستقبل خالد الوفد رسميا") == set()


def test_a_short_family_name_recurs_alone_but_not_in_a_set_phrase():
    assert persons("واستقبل الرئيس ميشال زيد وفدا أمميا. وكان زيد قد دعا إلى الحوار.") == {"ميشال زيد", "زيد"}
    assert persons("والتقى الرئيس ميشال عون الوفد، وقال إن العمل سيتم بعون الله.") == {"ميشال عون"}
