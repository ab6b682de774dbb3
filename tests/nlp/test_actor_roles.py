"""Actor roles in drafted incidents: announcers are no party; agents are actor1, targets actor2."""

import pytest

from annotation.nlp import get_tagger


def actors(text):
    main = get_tagger().tag(text).incidents[0]
    return main.actor1_text, main.actor2_text


def test_announcer_is_not_an_actor_and_the_force_that_struck_is_actor1():
    a1, a2 = actors("أعلنت وزارة الدفاع قتل ثلاثة من عناصر تنظيم داعش في غارة نفذتها القوات الجوية قرب الموصل.")
    assert (a1, a2) == ("القوات الجوية", "تنظيم داعش")


def test_spokesman_of_an_organisation_is_an_announcer():
    a1, a2 = actors("قال المتحدث باسم الجيش العراقي إن قوات الحشد الشعبي اشتبكت مع مسلحي داعش في قضاء الحويجة.")
    assert (a1, a2) == ("قوات الحشد الشعبي", "داعش")


def test_media_outlet_is_never_an_actor_and_subject_before_its_verb_is_the_agent():
    a1, a2 = actors("ذكرت وكالة الأنباء أن مسلحين من حركة الشباب هاجموا قاعدة للجيش الصومالي في بلدة أفجوي وقتلوا خمسة جنود.")
    assert (a1, a2) == ("حركة الشباب", "للجيش الصومالي")


def test_attack_launched_by_a_group_on_a_patrol():
    a1, a2 = actors("أفادت مصادر أمنية بمقتل جنديين في هجوم شنه مسلحو حركة الشباب على دورية للجيش الصومالي.")
    assert (a1, a2) == ("حركة الشباب", "للجيش الصومالي")


def test_announcer_reporting_its_own_action_is_the_agent():
    assert actors("أعلن الجيش المصري أنه قتل سبعة مسلحين في شمال سيناء.") == ("الجيش المصري", None)


def test_only_an_announcer_named_leaves_both_actors_empty():
    assert actors("أعلنت وزارة الداخلية مقتل ثلاثة مدنيين في انفجار عبوة ناسفة في مدينة الرمادي.") == (None, None)


def test_victims_members_of_a_force_make_it_actor2_not_actor1():
    a1, a2 = actors("جرح ثلاثة من أفراد الجيش العراقي حين انفجرت عبوة ناسفة بعربتهم على طريق زراعي.")
    assert (a1, a2) == (None, "الجيش العراقي")


@pytest.mark.parametrize("marker", ["بواسطة", "من قبل"])
def test_by_marks_the_agent(marker):
    a1, a2 = actors(f"قتل خمسة من عناصر داعش في غارة جوية {marker} طائرات التحالف الدولي قرب مدينة الرقة.")
    assert (a1, a2) == ("التحالف الدولي", "داعش")


def test_a_source_inside_an_organisation_does_not_make_it_a_party():
    a1, _ = actors("سقطت ثلاث قذائف على بلدة الخيام وأصيب مدنيان، بحسب مصدر في الجيش اللبناني.")
    assert a1 is None


def test_subject_before_a_reporting_verb_is_an_announcer():
    a1, a2 = actors("وكان الجيش الأردني أعلن مقتل أربعة مهربين في اشتباك مع قوات حرس الحدود.")
    assert "الجيش الأردني" not in (a1, a2)


def test_quotes_around_a_group_name_do_not_hide_its_verb():
    a1, a2 = actors("قتل خمسة مسلحين في غارة جوية استهدفت مواقع “حركة الشباب” قرب مدينة كسمايو.")
    assert (a1, a2) == (None, "حركة الشباب")


def test_unnamed_gunmen_are_actor1_when_no_organisation_acts():
    a1, _ = actors("أطلق مسلحون مجهولون النار على سيارة مدنية قرب بلدة الضلوعية وقتلوا سائقها.")
    assert a1 == "مسلحون مجهولون"


def test_gunmen_who_were_killed_are_not_actor1():
    a1, _ = actors("أعلنت الشرطة مقتل خمسة مسلحين في مدينة الرمادي.")
    assert a1 is None


def test_protesters_are_actor1_and_the_force_facing_them_actor2():
    a1, a2 = actors("فرقت قوات الأمن المتظاهرين بالغاز المسيل للدموع أمام مبنى المحافظة في مدينة البصرة.")
    assert (a1, a2) == ("المتظاهرين", "قوات الأمن")


@pytest.mark.parametrize(
    "text",
    [
        "وَمسلحون مجهولون أطلقوا النار على حافلة قرب بلدة الضلوعية فقتلوا ثلاثة ركاب.",
        "أعلنت وزارة الدفاع قتل ثلاثة من عناصر تنظيم داعش في غارة نفذتها القوات الجوية قرب الموصل.",
        "فرقت قوات الأمن المتظاهرين بالغاز المسيل للدموع أمام مبنى المحافظة في مدينة البصرة.",
    ],
)
def test_actor_offsets_point_at_their_text(text):
    for inc in get_tagger().tag(text).incidents:
        for name, span in ((inc.actor1_text, inc.actor1_span), (inc.actor2_text, inc.actor2_span)):
            if name is not None:
                assert text[span[0] : span[1]] == name
