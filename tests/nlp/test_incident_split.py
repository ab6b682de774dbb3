"""Several incidents in one short report: a sentence with its own cue in another town is another incident."""

from annotation.nlp import get_tagger


def incidents(text):
    return get_tagger().tag(text, None).incidents


def test_second_bomb_in_another_town_is_its_own_incident():
    text = (
        "قتل ثلاثة جنود في هجوم بعبوة ناسفة استهدف دورية للجيش في مدينة الرمادي صباح اليوم. "
        "وانفجرت عبوة ناسفة ثانية بسيارة مدنية في بلدة هيت دون وقوع إصابات."
    )
    first, second = incidents(text)
    assert (first.sub_event_type, first.location_text, first.killed) == ("Remote explosive/landmine/IED", "الرمادي", 3)
    assert (second.sub_event_type, second.location_text, second.killed) == ("Remote explosive/landmine/IED", "هيت", None)


def test_reported_detail_naming_another_town_stays_one_incident():
    text = "اعتقلت قوات الأمن خمسة مطلوبين في مدينة الرمادي فجر اليوم. وأوضح مصدر أمني أن القوات اعتقلت المطلوبين بعد ملاحقتهم من بلدة هيت."
    (inc,) = incidents(text)  # which of the two towns is its place is the place picker's call
    assert inc.sub_event_type == "Arrests"


def test_the_province_of_the_town_is_the_same_place():
    text = "قتل جنديان بانفجار عبوة ناسفة في مدينة الرمادي مساء الأحد. وانفجرت العبوة بآلية عسكرية على طريق رئيسي في محافظة الأنبار."
    (inc,) = incidents(text)
    assert (inc.sub_event_type, inc.location_text, inc.killed) == ("Remote explosive/landmine/IED", "الرمادي", 2)


def test_bombs_in_two_towns_are_two_incidents():
    text = "انفجرت عبوتان ناسفتان في بلدتي هيت وراوة بمحافظة الأنبار صباح اليوم مما أدى إلى إصابة أربعة مدنيين."
    first, second = incidents(text)
    assert (first.sub_event_type, first.location_text, first.injured) == ("Remote explosive/landmine/IED", "هيت", 4)
    assert (second.sub_event_type, second.location_text, second.injured) == ("Remote explosive/landmine/IED", "راوة", None)


def test_the_same_cue_again_in_another_town_is_another_incident():
    text = "اعتقلت قوات الأمن مطلوبا خطيرا في مدينة الرمادي، وأعلنت وزارة الداخلية عن اعتقال ثلاثة مشتبه بهم في بلدة هيت."
    found = incidents(text)
    assert sorted((x.sub_event_type, x.location_text) for x in found) == [("Arrests", "الرمادي"), ("Arrests", "هيت")]


def test_a_place_past_the_cue_s_clause_is_not_another_incident():
    text = "اعتقلت قوات الأمن مطلوبا خطيرا في مدينة الرمادي. وأوضحت الوزارة أن المعتقلين وعددهم ثلاثة، كانوا يقيمون في بلدة هيت."
    (inc,) = incidents(text)
    assert inc.sub_event_type == "Arrests"


def test_a_road_named_after_towns_is_not_another_incident():
    text = "قتل جنديان في كمين نصبه مسلحون قرب مدينة الرمادي. ووقع الكمين على طريق هيت - الرمادي مساء السبت."
    (inc,) = incidents(text)
    assert (inc.sub_event_type, inc.location_text, inc.killed) == ("Armed clash", "الرمادي", 2)


def test_protesters_named_again_are_no_second_protest():
    text = "تظاهر مئات الطلاب في مدينة قابس تضامنا مع المحتجين في مدينة صفاقس."
    (inc,) = incidents(text)
    assert (inc.sub_event_type, inc.location_text) == ("Peaceful protest", "قابس")


def test_a_drone_strike_told_with_a_clash_is_its_own_incident():
    text = "اشتبك الجيش مع مسلحين في بلدة الخالدية صباح الأحد. وقتل أربعة مسلحين بغارة نفذتها طائرة مسيرة."
    assert [(x.sub_event_type, x.location_text) for x in incidents(text)] == [
        ("Armed clash", "الخالدية"),
        ("Air/drone strike", "الخالدية"),
    ]


def test_a_drone_strike_with_nothing_of_its_own_stays_with_the_clash():
    text = "اشتبك الجيش مع مسلحين في بلدة الخالدية وقتل ثلاثة مسلحين. وقصفت طائرات مسيرة مواقع المسلحين."
    assert [x.sub_event_type for x in incidents(text)] == ["Armed clash"]


def test_an_arrest_the_protest_is_against_is_no_intervention():
    (inc,) = incidents("تظاهر المئات في مدينة قابس احتجاجا على اعتقال ناشط.")
    assert inc.sub_event_type == "Peaceful protest"
    (inc,) = incidents("تظاهر المئات في مدينة قابس رفضا لقرار الحكومة قبل أن تفرقهم الشرطة بالغاز.")
    assert inc.sub_event_type == "Protest with intervention"


def test_the_word_after_the_verb_says_who_took_the_town():
    (inc,) = incidents("سيطرت الحركة على بلدة الخالدية بعد انسحاب القوات الحكومية منها.")
    assert inc.sub_event_type == "Non-state actor overtakes territory"
    (inc,) = incidents("سيطر الجيش على بلدة الخالدية بعد معارك مع المسلحين.")
    assert inc.sub_event_type == "Government regains territory"


def test_a_bomb_near_a_village_of_a_region_is_one_incident():
    text = "وفي منطقة الساحل، قتل ستة مدنيين بانفجار لغم أرضي قرب قرية تيتاو."
    (inc,) = incidents(text)  # which of the two places is its place is the place picker's call
    assert (inc.sub_event_type, inc.killed) == ("Remote explosive/landmine/IED", 6)


def _place_in(text, name):
    from annotation.nlp.types import Span

    start = text.index(name)
    return Span(start, start + len(name), name, "LOC", "test", 1.0)


def test_where_people_came_from_is_no_place_of_the_event_but_near_it_is():
    from annotation.nlp.incidents import _origin

    came = "واعتقلت القوات ثلاثة مسلحين فروا من بلدة الحصن"
    near = "واعتقلت القوات ثلاثة مسلحين بالقرب من بلدة الحصن"
    both = "واعتقلت القوات مسلحين في كل من الحصن والميادين"
    assert _origin(came, _place_in(came, "الحصن")) is True
    assert _origin(near, _place_in(near, "الحصن")) is False
    assert _origin(both, _place_in(both, "الحصن")) is False


def test_a_fight_that_ends_with_the_town_taken_is_also_a_change_of_territory():
    text = "اندلعت معارك عنيفة بين الجيش ومسلحين في بلدة ديابالي انتهت بسيطرة المسلحين على البلدة صباح الثلاثاء."
    assert [x.sub_event_type for x in incidents(text)] == ["Armed clash", "Non-state actor overtakes territory"]


def test_a_town_fallen_into_a_force_hands_after_fighting():
    text = "قتل خمسة مسلحين في اشتباكات مع الجيش في بلدة مرزق، وباتت البلدة تحت سيطرة الجيش مساء الأحد."
    first, second = incidents(text)
    assert (first.sub_event_type, first.killed) == ("Armed clash", 5)
    assert (second.sub_event_type, second.location_text, second.killed) == ("Government regains territory", "مرزق", None)


def test_a_force_announcing_control_after_fighting_took_the_town():
    text = "دارت اشتباكات عنيفة بين الجيش ومقاتلين قبليين في بلدة كادوقلي، ثم أعلن الجيش السيطرة على البلدة مساء الجمعة."
    first, second = incidents(text)
    assert first.sub_event_type == "Armed clash"
    assert (second.sub_event_type, second.location_text) == ("Government regains territory", "كادوقلي")


def test_a_later_sentence_retaking_the_town_after_a_fight_is_a_change_of_territory():
    text = "قتل أربعة مسلحين في اشتباكات مع الجيش في بلدة بني وليد. واستعاد الجيش البلدة بعد ساعات."
    first, second = incidents(text)
    assert (first.sub_event_type, first.killed) == ("Armed clash", 4)
    assert (second.sub_event_type, second.location_text, second.killed) == ("Government regains territory", "بني وليد", None)


def test_areas_a_side_already_holds_are_no_taking():
    text = "اندلعت اشتباكات بين مسلحين محليين ومقاتلي قسد في مناطق سيطرة قسد على ضفة النهر في ريف دير الزور."
    assert [x.sub_event_type for x in incidents(text)] == ["Armed clash"]


def test_a_sentence_set_in_another_province_tells_another_event():
    text = "قتل شرطي وأصيب اثنان في هجوم على دورية في محافظة شمال سيناء. وفي محافظة أسيوط، قتل ثلاثة في شجار بين عائلتين."
    first, second = incidents(text)
    assert (first.sub_event_type, first.location_text, first.killed) == ("Armed clash", "شمال سيناء", 1)
    assert (second.sub_event_type, second.location_text, second.killed) == ("Mob violence", "أسيوط", 3)


def test_a_mine_defused_in_a_clause_of_its_own():
    text = "اعتقلت قوات الأمن التونسية 3 أشخاص في ولاية القصرين، كما فككت وحدات الجيش لغما أرضيا في جبل سمامة."
    assert [(x.sub_event_type, x.location_text) for x in incidents(text)] == [
        ("Arrests", "القصرين"),
        ("Disrupted weapons use", "جبل سمامة"),
    ]


def test_a_toll_over_a_period_closing_the_sentence_is_not_the_incidents():
    text = "قتل 4 جنود في هجوم على نقطة عسكرية في ولاية تيلابيري، ليرتفع إلى 30 عدد الجنود الذين قتلوا هذا الشهر."
    (inc,) = incidents(text)
    assert (inc.sub_event_type, inc.killed) == ("Armed clash", 4)


def test_a_protest_in_towns_listed_together_is_one_per_town():
    text = "تظاهر آلاف الأشخاص في مدن الرباط والدار البيضاء وطنجة يوم الأحد تضامنا مع غزة."
    assert [(x.sub_event_type, x.location_text) for x in incidents(text)] == [
        ("Peaceful protest", "الرباط"),
        ("Peaceful protest", "الدار البيضاء"),
        ("Peaceful protest", "طنجة"),
    ]


def test_a_fight_in_villages_listed_together_stays_one():
    text = "اندلعت اشتباكات بين الجيش ومسلحين في قريتي الصبحة وهجين بريف دير الزور."
    assert [x.sub_event_type for x in incidents(text)] == ["Armed clash"]


def test_two_others_in_the_nominative_dual_are_two():
    (inc,) = incidents("استشهد فلسطيني وأصيب آخران برصاص الاحتلال في مخيم جنين.")
    assert (inc.killed, inc.injured) == (1, 2)


def test_attackers_killed_are_armed_men():
    (inc,) = incidents("قتل أربعة من المهاجمين في هجوم على قرية في ولاية زمفارا.")
    assert (inc.sub_event_type, inc.killed) == ("Armed clash", 4)


def test_a_clause_after_a_comma_with_a_cue_of_its_own_is_another_event():
    text = "قتل ثلاثة مدنيين في غارة لطائرة مسيرة على بلدة كتم، واعتقلت قوات الدعم السريع خمسة شبان في مدينة الجنينة."
    assert [(x.sub_event_type, x.location_text, x.killed) for x in incidents(text)] == [
        ("Air/drone strike", "كتم", 3),
        ("Arrests", "الجنينة", None),
    ]


def test_a_clause_telling_more_of_the_same_fight_stays_with_it():
    text = "اندلعت اشتباكات بين الجيش ومسلحين في بلدة منكا، واشتبكت القوات مع المسلحين لساعات قبل أن ينسحبوا."
    assert [x.sub_event_type for x in incidents(text)] == ["Armed clash"]


def test_a_weak_marker_with_victims_in_another_province_tells_another_event():
    text = "قتل جنديان في انفجار لغم في ولاية القصرين، بينما أصيب مدني برصاص مجهولين في مدينة سيدي بوزيد."
    assert [(x.sub_event_type, x.location_text, x.killed) for x in incidents(text)] == [
        ("Remote explosive/landmine/IED", "القصرين", 2),
        ("Attack", "سيدي بوزيد", None),
    ]


def test_a_killing_told_after_a_comma_and_in_another_province_is_its_own_incident():
    text = "هاجم مسلحون قرية في ولاية زمفارا وقتلوا ثمانية أشخاص، وفي ولاية كاتسينا قتل مسلحون خمسة قرويين."
    assert [(d.sub_event_type, d.location_text, d.killed) for d in incidents(text)] == [
        ("Attack", "زمفارا", 8),
        ("Attack", "كاتسينا", 5),
    ]
