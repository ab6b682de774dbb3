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
