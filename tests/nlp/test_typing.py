"""The sub-event type from ACLED's definitions: whom an attack was aimed at decides battle or violence against
civilians."""

from annotation.nlp import get_tagger


def main_type(text):
    return get_tagger().tag(text, None).incidents[0].sub_event_type


def test_attack_on_a_force_area_with_civilians_killed_is_a_clash():
    # civilians died, but the gunmen attacked the positions of an armed group: a battle (ACLED)
    text = "قتل أربعة مدنيين في بلدة الميادين إثر هجوم مسلحين استهدفوا مواقع قوات سوريا الديمقراطية شرقي دير الزور."
    assert main_type(text) == "Armed clash"


def test_attack_on_a_checkpoint_is_a_clash():
    text = "هاجم مسلحون مجهولون حاجزا للجيش قرب مدينة الرمادي مساء الأحد وأصيب ثلاثة أشخاص."
    assert main_type(text) == "Armed clash"


def test_armed_attack_on_a_village_is_an_attack_on_civilians():
    # "هجوم مسلح" is a clash cue, but its target is a village and nobody fought back
    text = "قتل خمسة أشخاص في هجوم مسلح على قرية قرب مدينة الرمادي فجر اليوم."
    assert main_type(text) == "Attack"


def test_the_attacker_named_after_the_cue_is_not_the_target():
    # the gunmen right after "هجوم" carried it out; the mosque was its target
    text = "قتل ستة أشخاص في هجوم مسلحين على مسجد في بلدة هيت أثناء صلاة الفجر."
    assert main_type(text) == "Attack"


def test_a_fight_between_two_sides_stays_a_clash_whatever_the_target_words():
    text = "اندلعت اشتباكات عنيفة بين الجيش ومسلحين في قرية قرب مدينة الرمادي وقتل ثلاثة مدنيين."
    assert main_type(text) == "Armed clash"


def test_people_shot_with_no_force_named_are_civilians_attacked():
    text = "قتل أربعة أشخاص برصاص مجهولين في حي سكني بمدينة الرمادي مساء الخميس."
    assert main_type(text) == "Attack"


def test_people_killed_where_a_state_force_is_named_is_a_clash():
    text = "قتل أربعة أشخاص خلال عملية لقوات الأمن العراقية في مدينة الرمادي مساء الخميس."
    assert main_type(text) == "Armed clash"


def test_a_drone_named_alone_with_people_killed_is_a_strike():
    text = "قتل ثلاثة أشخاص في ضربة نفذتها مسيرة على سيارة في مدينة مأرب مساء الأحد."
    assert main_type(text) == "Air/drone strike"


def test_a_march_is_no_drone():
    text = "خرجت مسيرة حاشدة في مدينة مأرب للمطالبة برواتب الموظفين، وتظاهر المشاركون أمام مبنى المحافظة."
    assert main_type(text) != "Air/drone strike"


def test_a_man_shot_dead_in_a_raid_with_arrests_is_an_attack():
    text = "قتل شاب برصاص قوات الأمن خلال مداهمة في بلدة هيت فجر اليوم، واعتقلت القوات ثلاثة آخرين."
    assert main_type(text) == "Attack"


def test_gunmen_killed_in_a_raid_with_arrests_is_a_clash():
    text = "قتل مسلحان خلال مداهمة لقوات الأمن في بلدة هيت فجر اليوم، واعتقلت القوات ثلاثة مطلوبين."
    assert main_type(text) == "Armed clash"


def test_police_named_as_the_source_is_no_side_of_the_attack():
    text = "قتل أربعة أشخاص في هجوم شنه مجهولون على حي سكني في مدينة الرمادي، بحسب ما أعلنت الشرطة العراقية."
    assert main_type(text) == "Attack"


def test_protesters_facing_the_police_are_a_riot_not_a_battle():
    text = "اندلعت مواجهات بين محتجين وقوات الأمن في مدينة قابس مساء السبت، وأصيب خمسة متظاهرين بجروح."
    assert main_type(text) == "Violent demonstration"


def test_gunmen_facing_the_army_stay_a_battle():
    text = "اندلعت مواجهات بين مسلحين وقوات الجيش في مدينة قابس مساء السبت، وأصيب خمسة شبان من المارة."
    assert main_type(text) == "Armed clash"
