"""Organisations of unseen wire reports (issue 9): state and civil bodies named with their country's adjective,
presidencies and parliaments, construct chains. Sentences written for these tests."""

import pytest

from annotation.nlp import get_tagger


def orgs(text):
    return {s.text for s in get_tagger().tag(text).spans if s.label == "ORG"}


@pytest.mark.parametrize(
    ("sentence", "org"),
    [
        ("قال الدفاع المدني السوري إن فرقه انتشلت ثلاث جثث", "الدفاع المدني السوري"),
        ("نقل الهلال الأحمر الفلسطيني المصابين إلى المستشفى", "الهلال الأحمر الفلسطيني"),
    ],
)
def test_a_civil_body_keeps_its_countrys_adjective(sentence, org):
    assert org in orgs(sentence)


def test_an_armed_groups_adjective_still_only_describes_it():
    assert "حزب الله" in orgs("قال حزب الله اللبناني إن مقاتليه ردوا على القصف")


def test_presidency_and_parliament_with_their_countrys_adjective():
    got = orgs("نفت الرئاسة الصومالية الخبر، وصوت البرلمان الليبي على الميزانية")
    assert got == {"الرئاسة الصومالية", "البرلمان الليبي"}


def test_a_parliament_without_an_adjective_is_not_tagged_alone():
    assert orgs("صادق البرلمان على القانون بالإجماع") == set()


def test_construct_chain_of_two_nouns_before_a_known_place():
    assert "جبهة تحرير شعب تيغراي" in orgs("اتهمت الحكومة جبهة تحرير شعب تيغراي بخرق الهدنة")


def test_sahel_defence_and_security_forces_with_their_adjective():
    got = orgs("قتل عشرة من قوات الدفاع والأمن البوركينية قرب الحدود")
    assert got == {"قوات الدفاع والأمن البوركينية"}


def test_li_genitive_of_a_construct_before_a_known_place():
    assert "القيادة العامة لشرطة دبي" in orgs("قالت القيادة العامة لشرطة دبي إن الحادث وقع ليلا")


def test_lebanese_security_agencies_and_the_darfur_joint_force():
    got = orgs("قالت قوى الأمن الداخلي إن شعبة المعلومات أوقفت المشتبه به، وصدت القوة المشتركة الهجوم")
    assert got == {"قوى الأمن الداخلي", "شعبة المعلومات", "القوة المشتركة"}


def test_factions_are_a_body_and_a_chain_ends_at_its_definite_noun():
    got = orgs("اتهمت فصائل المعارضة قوات النظام بقصف القرية، وردت الفصائل الفلسطينية")
    assert got == {"فصائل المعارضة", "قوات النظام", "الفصائل الفلسطينية"}


def test_a_nisba_title_after_a_masculine_head_is_its_adjective():
    assert "المكتب الإعلامي للجيش" in orgs("وقال المكتب الإعلامي للجيش إن قواته تقدمت")


@pytest.mark.parametrize(
    "ministry",
    ["وزارة الصحة والسكان المصرية", "وزارة الداخلية والجماعات المحلية", "وزارة الخارجية والتعاون الدولي السودانية"],
)
def test_a_ministry_of_two_portfolios_is_one_body(ministry):
    assert ministry in orgs(f"قالت {ministry} في بيان إن المصابين نقلوا")


def test_a_ministry_and_another_body_or_place_are_not_one_name():
    got = orgs("زار الوفد وزارة الدفاع والجيش ثم وزارة الصحة والمستشفيات الميدانية")
    assert {"وزارة الدفاع", "الجيش", "وزارة الصحة"} <= got
    assert not any("والمستشفيات" in o for o in got)


def test_a_party_named_by_a_construct_chain_and_a_short_adjective():
    got = orgs("فاز حزب جبهة التحرير الوطني ونافسه الحزب الدستوري الحر")
    assert {"حزب جبهة التحرير الوطني", "الحزب الدستوري الحر"} <= got


def test_state_television_with_its_adjective():
    got = orgs("وقال التلفزيون الرسمي إن الهدوء عاد، وبث التلفزيون الليبي مشاهد من الموقع")
    assert got == {"التلفزيون الرسمي", "التلفزيون الليبي"}


def test_an_outlet_named_after_a_place():
    got = orgs("ونقلت إذاعة الخرطوم عن شهود، وذكر تلفزيون عدن الخبر")
    assert {"إذاعة الخرطوم", "تلفزيون عدن"} <= got


def test_a_group_named_without_its_head_after_its_fighters():
    assert orgs("قتل عشرة من مسلحي الشباب في غارة جوية قرب الحدود") == {"الشباب"}


def test_the_young_are_no_group_without_fighters_before_them():
    assert orgs("تجمع الشباب العاطلون عن العمل أمام مقر الولاية") == set()


@pytest.mark.parametrize(("dateline", "agency"), [("الدوحة (قنا) -", "قنا"), ("برلين (د ب أ) -", "د ب أ"), ("عمان (بترا) -", "بترا")])
def test_an_agency_signing_a_dateline_is_an_organisation(dateline, agency):
    got = get_tagger().tag(f"{dateline} أعلنت الشرطة توقيف ثلاثة أشخاص").spans
    assert ("ORG", agency) in {(s.label, s.text) for s in got}


def test_the_same_letters_outside_parentheses_stay_a_place():
    got = get_tagger().tag("زار الوفد مدينة قنا في صعيد مصر").spans
    assert ("LOC", "قنا") in {(s.label, s.text) for s in got}


def test_an_agency_between_slashes_as_gulf_wires_write_it():
    got = get_tagger().tag("الدوحة في 12 مايو /قنا/ أعلنت وزارة الداخلية ضبط أسلحة").spans
    assert ("ORG", "قنا") in {(s.label, s.text) for s in got}


def test_a_canal_named_after_a_place_is_no_channel():
    assert orgs("عبرت ناقلة النفط قناة السويس متجهة شمالا") == set()


def test_a_force_with_a_compound_nisba():
    assert "الجيش الجنوب سوداني" in orgs("وقال الجيش الجنوب سوداني إن قواته انسحبت من البلدة")


@pytest.mark.parametrize(
    ("text", "outlet"),
    [("الموصل / صدى – أعلنت الشرطة توقيف شخصين", "صدى"), ("مقديشو (الصومال الجديد) - قتل عشرة جنود", "الصومال الجديد")],
)
def test_an_unknown_outlet_signing_the_dateline(text, outlet):
    assert outlet in orgs(text)


def test_a_date_in_the_dateline_is_no_outlet():
    assert orgs("الرباط (12 مايو) - أصيب شرطي بجروح") == set()


def test_a_dateline_with_a_dash_and_the_outlet_before_the_body():
    assert "الغد الجزائري" in orgs("وهران - الغد الجزائري\n\nفرقت الشرطة تجمعا أمام مقر البلدية")


def test_a_dash_and_the_first_sentence_are_no_outlet():
    assert orgs("الرباط - أصيب شرطي بجروح طفيفة مساء أمس\n\nوفتح تحقيق") == set()


def test_the_quoted_outlet_a_witness_spoke_to():
    assert orgs("وقال أحد السكان لـ«صدى الجنوب» إن القصف استمر ساعة") == {"صدى الجنوب"}


def test_a_quoted_slogan_after_a_call_is_no_outlet():
    assert orgs('ودعا المحتجون لـ"إسقاط الحكومة" في الساحة') == set()


def test_the_quoted_name_a_force_is_known_by():
    got = orgs("وقتلت القوات الخاصة المعروفة بـ«غورغور» عشرة مسلحين")
    assert "غورغور" in got


def test_a_li_genitive_of_states_goes_on_with_the_council():
    assert "مجلس التعاون لدول الخليج العربية" in orgs("وأدان مجلس التعاون لدول الخليج العربية الهجوم")


def test_a_models_name_after_tiraz_is_no_place():
    got = {(s.label, s.text) for s in get_tagger().tag("استهدفت طائرات مسيرة من طراز صماد مخزنا للوقود").spans}
    assert not any(label == "LOC" for label, _ in got)


def test_hezbollahs_radwan_force():
    assert "قوة الرضوان" in orgs("استهدفت الغارة قياديا في قوة الرضوان قرب الحدود")
