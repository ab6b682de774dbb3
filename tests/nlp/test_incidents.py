"""Incident drafting on our own short reports."""

import datetime as dt

import pytest

from annotation.nlp import get_tagger


def incidents(text, published=None):
    return get_tagger().tag(text, published).incidents


def test_ied_report():
    text = "أصيب ثلاثة من عناصر الشرطة بانفجار عبوة ناسفة في قضاء المقدادية بمحافظة ديالى اليوم الأحد."
    (inc,) = incidents(text, dt.date(2023, 5, 14))
    d = inc.to_format_dict()
    assert d["sub_event_type"] == "Remote explosive/landmine/IED"
    assert d["event_type"] == "Explosions/Remote violence"
    assert (d["injured"], d["killed"]) == (3, None)
    assert d["location_text"] == "المقدادية"
    assert d["country"] == "Iraq"
    assert d["date"] == "2023-05-14"


def test_air_strike_with_militant_victims():
    text = "قتل عنصرين من تنظيم داعش بضربة جوية نفذتها طائرات حربية في صحراء الأنبار."
    (inc,) = incidents(text)
    assert inc.sub_event_type == "Air/drone strike"
    assert inc.killed == 2
    assert inc.casualties[0].victim_class == "militants"


def test_background_incident_is_flagged():
    text = "اشتبكت قوات الجيش مع مسلحين في ريف إدلب اليوم وقتل أربعة مسلحين.\n\nوفي مطلع آذار، قتل ستة جنود في كمين قرب حماة."
    main, past = incidents(text, dt.date(2023, 4, 20))
    assert (main.sub_event_type, main.killed, main.background) == ("Armed clash", 4, False)
    assert (past.killed, past.background, past.date_precision) == (6, True, "month")
    assert past.date == dt.date(2023, 3, 1)


def test_protest_dispersed_with_tear_gas():
    text = "فرقت قوات الأمن تظاهرة في البصرة باستخدام الغاز المسيل للدموع."
    (inc,) = incidents(text)
    assert (inc.event_type, inc.sub_event_type) == ("Protests", "Protest with intervention")


def test_no_incident_in_a_political_statement():
    assert incidents("التقى رئيس الجمهورية وفدا من البرلمان لبحث قانون الموازنة.") == []


def test_format_dict_has_exactly_the_format_fields():
    (inc,) = incidents("قتل جندي في هجوم مسلح على حاجز قرب الموصل.")
    assert set(inc.to_format_dict()) == {
        "date",
        "date_text",
        "country",
        "location_text",
        "event_type",
        "sub_event_type",
        "killed",
        "injured",
        "actor1_text",
        "actor2_text",
        "summary_en",
    }


def test_similar_event_phrase_starts_another_incident():
    text = (
        "أصيب جنديان بانفجار عبوة ناسفة قرب قضاء الخالص صباح اليوم، كما أصيب شرطي بانفجار مماثل. "
        "وأوضح المصدر أن الانفجار الثاني وقع في ناحية العظيم."
    )
    first, second = incidents(text)
    assert (first.location_text, first.injured) == ("الخالص", 2)
    assert second.injured == 1
    assert second.sub_event_type == "Remote explosive/landmine/IED"


def test_destination_is_not_the_event_place():
    text = "اختطف مسلحون خمسة عمال أثناء عودتهم إلى القاهرة قرب مدينة سرت."
    (inc,) = incidents(text)
    assert (inc.sub_event_type, inc.location_text, inc.country) == ("Abduction/forced disappearance", "سرت", "Libya")


def test_office_holders_area_is_not_the_event_place():
    text = "قال حاكم منطقة الساحل إن مسلحين هاجموا قرية تامبو وقتلوا عشرة مدنيين."
    (inc,) = incidents(text)
    assert inc.location_text == "تامبو"
    assert (inc.sub_event_type, inc.killed) == ("Attack", 10)


def test_taking_a_town_is_typed_by_who_took_it():
    rebels = incidents("سيطرت حركة الشباب على بلدة عيل بور بعد انسحاب القوات الحكومية.")
    army = incidents("سيطر الجيش الصومالي على بلدة عيل بور بعد انسحاب مقاتلي حركة الشباب.")
    assert rebels[0].sub_event_type == "Non-state actor overtakes territory"
    assert army[0].sub_event_type == "Government regains territory"


def test_toll_counted_since_a_date_is_not_an_event_figure():
    text = "لقي حارس حتفه في اشتباك مع مسلحين قرب بلدة القائم. وتقول الوزارة إنه ومنذ بداية الشهر الجاري قضت قواتها على 40 مسلحا."
    assert incidents(text)[0].killed == 1


def test_arrests_after_a_strike_are_another_incident():
    text = "قتل ثلاثة مسلحين بغارة جوية على مخبأ في وادي حوران. وتابع البيان أن دورية ألقت القبض على أربعة مطلوبين في قرية الصكار."
    strike, arrests = incidents(text)
    assert (strike.sub_event_type, strike.killed) == ("Air/drone strike", 3)
    assert (arrests.sub_event_type, arrests.location_text) == ("Arrests", "الصكار")


def test_figures_of_different_victims_add_up_within_a_sentence():
    (inc,) = incidents("أسفر الهجوم عن مقتل أربعة جنود وثلاثة مسلحين قرب بلدة هيت.")
    assert inc.killed == 7


def test_across_sentences_the_largest_figure_stands():
    # a later sentence may retell the toll, tell a part of it or add victims: ACLED keeps the conservative figure
    text = "أسفر الهجوم عن مقتل أربعة جنود. وقتل في الاشتباكات ثلاثة مسلحين قرب بلدة هيت."
    (inc,) = incidents(text)
    assert inc.killed == 4


def test_event_without_place_takes_the_main_events_place():
    text = "بعد قتال دام ساعات اليوم استعادت القوات الحكومية السيطرة على مدينة بلدوين. وكانت حركة الشباب سيطرت على المدينة قبل أسبوعين."
    regained, taken = incidents(text, dt.date(2020, 3, 14))
    assert regained.sub_event_type == "Government regains territory"
    assert (taken.sub_event_type, taken.location_text) == ("Non-state actor overtakes territory", "بلدوين")
    assert taken.date == dt.date(2020, 2, 29)


def test_protest_broken_up_is_a_protest_with_intervention():
    text = "نظم مئات المعلمين وقفة احتجاجية أمام مقر الوزارة في الرباط قبل أن تتدخل قوات الأمن لتفريقهم."
    (inc,) = incidents(text)
    # the ministry's seat is more precise than the city; the city puts it on the map
    assert (inc.sub_event_type, inc.location_text, inc.country) == ("Protest with intervention", "مقر الوزارة", "Morocco")
    assert text[inc.place_span[0] : inc.place_span[1]] == "الرباط"


def test_moreover_is_not_an_intervention():
    # a protest in each of the two towns (ACLED codes each location), neither with an intervention
    found = incidents("تظاهر العشرات في ساحة المدينة في البصرة، فضلا عن وقفات في الناصرية.")
    assert [(x.sub_event_type, x.location_text) for x in found][1:] == [("Peaceful protest", "الناصرية")]
    assert found[0].sub_event_type == "Peaceful protest"


def test_residential_is_not_a_place_name():
    res = get_tagger().tag("سقطت قذائف على حي سكني في مدينة تعز")
    assert [(s.label, s.text) for s in res.spans if s.label == "LOC"] == [("LOC", "تعز")]


def test_dateline_is_not_the_event_place():
    text = "الخرطوم - قالت مصادر محلية إن مسلحين قتلوا 15 مدنيا في هجوم على قرية ود النورة بولاية الجزيرة يوم الأربعاء."
    (inc,) = incidents(text, dt.date(2023, 6, 7))
    assert (inc.location_text, inc.country, inc.sub_event_type, inc.killed) == ("ود النورة", "Sudan", "Attack", 15)
    assert inc.date == dt.date(2023, 6, 7)


def test_state_named_like_a_channel_is_a_place():
    spans = {(s.label, s.text) for s in get_tagger().tag("في ولاية الجزيرة وسط السودان").spans}
    assert ("LOC", "الجزيرة") in spans


def test_weekday_wins_over_today_when_they_disagree():
    # a Wednesday paper reporting "this Tuesday dawn"
    (inc,) = incidents("استشهد شاب برصاص الجيش فجر اليوم الثلاثاء في مخيم جنين.", dt.date(2023, 6, 7))
    assert inc.date == dt.date(2023, 6, 6)
    assert (inc.sub_event_type, inc.killed) == ("Attack", 1)


def test_defused_bomb_is_disrupted_weapons_use():
    (inc,) = incidents("تمكنت مفرزة من تفكيك عبوة ناسفة زرعت على جانب طريق في قضاء الخالص دون وقوع إصابات.")
    assert (inc.event_type, inc.sub_event_type) == ("Strategic developments", "Disrupted weapons use")


def test_bomb_that_wounds_while_defused_is_an_ied():
    (inc,) = incidents("أصيب خبير متفجرات أثناء محاولته تفكيك عبوة ناسفة قرب بعقوبة.")
    assert inc.sub_event_type == "Remote explosive/landmine/IED"


def test_details_return_to_the_event_the_lead_counted():
    text = (
        "جرح ثلاثة جنود بانفجار عبوة ناسفة شمالي العراق، كما جرح شرطي بانفجار مماثل في اليوم ذاته. "
        "وبين ضابط أن العبوة الأولى انفجرت على طريق يقع قرب قضاء تلعفر وأوقعت إصابة ثلاثة من الجنود. "
        "وتابع أن العبوة الأخرى تسببت في إصابة شرطي قرب ناحية القيارة."
    )
    first, second = incidents(text)
    assert (first.injured, first.location_text) == (3, "تلعفر")
    assert (second.injured, second.location_text) == (1, "القيارة")


def test_shelling_on_the_lebanese_side_of_the_border_is_in_lebanon():
    # the village is unknown to the gazetteer and the sentence names only Israel: the article is about Lebanon
    text = (
        "بيروت - قصفت المدفعية الإسرائيلية أطراف بلدة وادي السلوقي فجر اليوم انطلاقا من مواقعها في إسرائيل، "
        "وقال الجيش الإسرائيلي إنه استهدف مواقع لمسلحين."
    )
    (inc,) = incidents(text, dt.date(2024, 2, 3))
    assert (inc.sub_event_type, inc.location_text, inc.country) == ("Shelling/artillery/missile attack", "وادي السلوقي", "Lebanon")


def test_a_place_unknown_to_the_gazetteer_takes_the_articles_country():
    text = "الخرطوم - قتل خمسة مدنيين في هجوم شنه مسلحون على قرية أم دقيرة بولاية شمال كردفان، بحسب الجيش السوداني."
    (inc,) = incidents(text)
    assert (inc.location_text, inc.country, inc.killed) == ("أم دقيرة", "Sudan", 5)


def test_another_means_in_another_town_is_another_incident():
    text = "قتل جنديان في اشتباك مع مسلحين قرب بلدة القائم. وقصفت طائرة مسيرة مخزنا للأسلحة في بلدة هيت."
    clash, strike = incidents(text)
    assert (clash.sub_event_type, clash.location_text, clash.killed) == ("Armed clash", "القائم", 2)
    assert (strike.sub_event_type, strike.location_text, strike.killed) == ("Air/drone strike", "هيت", None)


def test_territory_named_by_its_nationality_gives_the_country():
    text = "بيروت - قصفت طائرة مسيرة سيارة داخل الأراضي السورية قرب بلدة عين الزرقا، وفق مصدر لبناني مطلع."
    (inc,) = incidents(text)
    assert (inc.sub_event_type, inc.country) == ("Air/drone strike", "Syria")


def test_gunmen_attacking_a_village_is_an_attack_on_civilians():
    (inc,) = incidents("هاجم مسلحون مجهولون قرية صغيرة قرب مدينة الفاشر صباح الثلاثاء وأحرقوا عددا من الأكواخ.")
    assert (inc.event_type, inc.sub_event_type) == ("Violence against civilians", "Attack")


def test_an_attack_on_an_army_post_is_a_clash():
    (inc,) = incidents("هاجم مسلحون موقعا لقوات الجيش قرب مدينة الفاشر صباح الثلاثاء.")
    assert (inc.event_type, inc.sub_event_type) == ("Battles", "Armed clash")


def test_protesters_arrested_is_a_protest_with_intervention():
    text = "اعتقلت الشرطة عشرين شخصا في العاصمة الرباط أمس. وشارك المعتقلون في وقفة احتجاجية أمام البرلمان."
    (inc,) = incidents(text)
    assert (inc.event_type, inc.sub_event_type) == ("Protests", "Protest with intervention")


def test_bombardment_by_the_aircraft_named_next_is_an_air_strike():
    text = "قتل ثلاثة مدنيين في قصف استهدف بلدة سراقب بريف إدلب. وقال شهود إن طائرات حربية نفذت الغارة."
    (inc,) = incidents(text)
    assert inc.sub_event_type == "Air/drone strike"


def test_bombardment_with_rockets_stays_shelling_when_a_drone_is_named_too():
    text = "قتل ثلاثة مدنيين في قصف صاروخي استهدف بلدة سراقب بريف إدلب. وحلقت طائرة مسيرة فوق البلدة بعد القصف."
    (inc,) = incidents(text)
    assert inc.sub_event_type == "Shelling/artillery/missile attack"


def test_a_withdrawal_is_a_non_violent_transfer_not_a_takeover():
    (inc,) = incidents("انسحبت القوات الحكومية من بلدة كيدال وسيطرت عليها الحركات المسلحة دون قتال بموجب تفاهم.")
    assert inc.sub_event_type == "Non-violent transfer of territory"


def test_a_facility_in_a_city_is_the_events_location_and_the_city_its_place_on_the_map():
    text = "انفجرت سيارة مفخخة أمام مطعم السلطان في مدينة كركوك مساء الخميس."
    (inc,) = incidents(text)
    assert inc.location_text == "مطعم السلطان"
    assert text[inc.location_span[0] : inc.location_span[1]] == "مطعم السلطان"
    assert text[inc.place_span[0] : inc.place_span[1]] == "كركوك"


def test_a_village_is_more_precise_than_the_facility_named_with_it():
    text = "انفجرت عبوة ناسفة قرب مدرسة الأمل في قرية الحميدية جنوب كركوك."
    (inc,) = incidents(text)
    assert inc.location_text == "الحميدية"


def test_clause_opened_by_fima_tells_another_event():
    text = (
        "سيطرت قوات الدعم السريع على مدينة الفاشر بعد معارك عنيفة مع الجيش السوداني استمرت أياما، "
        "فيما أعلن الجيش استعادة السيطرة على بلدة أم روابة في شمال كردفان."
    )
    first, second = incidents(text)
    assert (first.sub_event_type, first.location_text) == ("Non-state actor overtakes territory", "الفاشر")
    assert (second.sub_event_type, second.location_text) == ("Government regains territory", "أم روابة")


def test_fima_after_the_figures_of_one_event_adds_to_it():
    (inc,) = incidents("لقي سبعة أشخاص مصرعهم في اشتباكات قبلية بمنطقة أبيي، فيما أصيب 20 آخرون.")
    assert (inc.sub_event_type, inc.killed, inc.injured) == ("Armed clash", 7, 20)


def test_in_the_meantime_opens_another_incident():
    text = "أصيب ثلاثة جنود بانفجار عبوة ناسفة في بلدة تلعفر. وفي غضون ذلك، قتل مدنيان بقصف مدفعي على قرية بادوش."
    first, second = incidents(text)
    assert (first.location_text, first.injured, first.killed) == ("تلعفر", 3, None)
    assert (second.sub_event_type, second.location_text, second.killed) == ("Shelling/artillery/missile attack", "بادوش", 2)


def test_meanwhile_opens_another_incident():
    text = "قتل جندي في هجوم على حاجز في مدينة جنين. في هذه الأثناء، هاجم مسلحون دورية للشرطة في بلدة عزون."
    first, second = incidents(text)
    assert (first.location_text, first.killed) == ("جنين", 1)
    assert (second.location_text, second.killed) == ("عزون", None)


def test_a_protest_in_another_town_after_a_clash_is_its_own_incident():
    text = "قتل شرطي برصاص مسلحين في مدينة درنة. وتظاهر المئات في مدينة بنغازي للمطالبة بإجراء الانتخابات."
    killing, protest = incidents(text)
    assert (killing.location_text, killing.killed) == ("درنة", 1)
    assert (protest.sub_event_type, protest.location_text) == ("Peaceful protest", "بنغازي")


def test_a_town_taken_back_after_shelling_is_a_change_of_territory():
    (inc,) = incidents("استعاد الجيش السيطرة على بلدة أم روابة بعد قصف مدفعي مكثف على مواقع الدعم السريع.")
    assert (inc.event_type, inc.sub_event_type, inc.location_text) == ("Battles", "Government regains territory", "أم روابة")


def test_reaching_an_agreement_is_drafted():
    (inc,) = incidents("توصلت الحكومة الصومالية وزعماء العشائر إلى اتفاق لإنهاء القتال في مدينة جالكعيو.")
    assert (inc.event_type, inc.sub_event_type, inc.location_text) == ("Strategic developments", "Agreement", "جالكعيو")


def test_marches_against_military_rule_dispersed_with_gas():
    text = "خرج آلاف السودانيين في مواكب بمدن الخرطوم وبحري وأم درمان، رفضا للحكم العسكري، وأطلقت قوات الأمن الغاز المسيل للدموع لتفريقهم."
    (inc,) = incidents(text)
    assert (inc.event_type, inc.sub_event_type, inc.location_text) == ("Protests", "Protest with intervention", "الخرطوم")


def test_a_solidarity_march_is_a_peaceful_protest():
    (inc,) = incidents("شارك الآلاف في مسيرة بمدينة الحسيمة تضامنا مع المعتقلين، وسط انتشار أمني كثيف.")
    assert (inc.event_type, inc.sub_event_type, inc.location_text) == ("Protests", "Peaceful protest", "الحسيمة")


def test_protesters_kept_from_parliament_is_an_intervention():
    (inc,) = incidents("منعت قوات الأمن التونسية عشرات المحتجين من الوصول إلى مقر البرلمان في باردو.")
    assert inc.sub_event_type == "Protest with intervention"


def test_roads_cut_with_burning_tyres_is_a_violent_demonstration():
    (inc,) = incidents("تجمع مئات المحتجين في ساحة الشهداء وسط بيروت وقطعوا الطرق بالإطارات المشتعلة.")
    assert (inc.event_type, inc.sub_event_type, inc.location_text) == ("Riots", "Violent demonstration", "ساحة الشهداء")


def test_settlers_setting_homes_on_fire_is_property_destruction():
    (inc,) = incidents("أضرم مستوطنون النار في منازل ومركبات فلسطينية في قرية ترمسعيا شمال رام الله.")
    assert (inc.event_type, inc.sub_event_type, inc.location_text) == (
        "Strategic developments",
        "Looting/property destruction",
        "ترمسعيا",
    )


def test_homes_burnt_in_a_killing_are_part_of_the_attack():
    (inc,) = incidents("قتل مسلحون ثلاثة مزارعين وأحرقوا منازلهم في قرية كوندي.")
    assert (inc.sub_event_type, inc.killed) == ("Attack", 3)


def test_a_man_beaten_to_death_by_a_crowd_is_mob_violence():
    (inc,) = incidents("قتل حشد غاضب رجلا متهما بالسرقة ضربا في سوق مدينة كانو.")
    assert (inc.event_type, inc.sub_event_type, inc.killed) == ("Riots", "Mob violence", 1)


def test_protesters_setting_tyres_on_fire_riot():
    (inc,) = incidents("أضرم المحتجون النار في الإطارات وأغلقوا الطريق الرئيسي في مدينة القصرين.")
    assert (inc.event_type, inc.sub_event_type) == ("Riots", "Violent demonstration")


def test_an_earlier_attack_recalled_after_the_lead_keeps_its_own_figures_and_place():
    text = "قتل 4 جنود في كمين بمنطقة تيلابيري، وهو ثاني هجوم خلال أسبوع بعد مقتل 7 جنود الخميس الماضي في منطقة دوسو."
    main, earlier = incidents(text, dt.date(2024, 3, 12))
    assert (main.location_text, main.killed, main.date_text, main.background) == ("تيلابيري", 4, None, False)
    assert (earlier.location_text, earlier.killed, earlier.date_text, earlier.background) == ("دوسو", 7, "الخميس الماضي", True)


def test_days_after_another_attack_is_background():
    text = "قتل 4 جنود في كمين بمنطقة تيلابيري، بعد أيام من مقتل 7 جنود في هجوم على ثكنة في منطقة دوسو."
    main, earlier = incidents(text)
    assert (main.location_text, main.killed) == ("تيلابيري", 4)
    assert (earlier.location_text, earlier.killed, earlier.background) == ("دوسو", 7, True)


def test_after_an_attack_of_the_same_event_does_not_split():
    (inc,) = incidents("قتل 3 مدنيين بعد هجوم شنه مسلحون على قرية ليبتاكو.")
    assert (inc.sub_event_type, inc.location_text, inc.killed) == ("Attack", "ليبتاكو", 3)


def test_near_a_town_is_in_that_town():
    (inc,) = incidents("انفجرت سيارة مفخخة بالقرب من تلعفر في محافظة نينوى.")
    assert (inc.location_text, inc.country) == ("تلعفر", "Iraq")


def test_the_attack_placed_again_in_a_village_is_the_same_incident():
    text = "قتل ثلاثة مدنيين في هجوم مسلح على بلدة تلعفر. وأوضح المصدر أن الهجوم استهدف قرية بادوش قرب البلدة."
    (inc,) = incidents(text)
    assert inc.killed == 3


def test_a_drone_intercepted_before_it_struck_is_disrupted_weapons_use():
    (inc,) = incidents("أعلن التحالف اعتراض وتدمير طائرة مسيرة مفخخة أطلقها الحوثيون باتجاه مدينة خميس مشيط.")
    assert (inc.event_type, inc.sub_event_type) == ("Strategic developments", "Disrupted weapons use")


def test_missiles_shot_down_by_air_defences_is_disrupted_weapons_use():
    (inc,) = incidents("تصدت الدفاعات الجوية السورية لصواريخ إسرائيلية في سماء دمشق وأسقطت معظمها.")
    assert (inc.sub_event_type, inc.location_text) == ("Disrupted weapons use", "دمشق")


def test_a_drone_strike_that_kills_stays_a_strike():
    (inc,) = incidents("قتل 4 أشخاص بغارة لطائرة مسيرة على سيارة في مدينة مأرب.")
    assert (inc.sub_event_type, inc.killed) == ("Air/drone strike", 4)


def test_a_cache_of_bombs_found_is_disrupted_weapons_use():
    (inc,) = incidents("عثرت القوات العراقية على مخبأ يحتوي على عبوات ناسفة وصواريخ في صحراء الأنبار.")
    assert (inc.event_type, inc.sub_event_type) == ("Strategic developments", "Disrupted weapons use")


def test_an_armed_attack_on_farmers_is_violence_against_civilians():
    (inc,) = incidents("قتل 5 أشخاص في هجوم مسلح استهدف تجمعا للمزارعين في قرية بوني.")
    assert (inc.event_type, inc.sub_event_type, inc.killed) == ("Violence against civilians", "Attack", 5)


def test_an_armed_attack_on_a_checkpoint_stays_a_clash():
    (inc,) = incidents("قتل 5 أشخاص في هجوم مسلح على نقطة تفتيش في قرية بوني.")
    assert inc.sub_event_type == "Armed clash"


def test_a_village_named_in_a_sentence_telling_more_is_more_precise_than_the_city():
    text = "قتل ثلاثة جنود في هجوم لمسلحين قرب مدينة غاو. وذكر شهود أن المسلحين كمنوا للدورية عند مدخل قرية تاباكورت."
    (inc,) = incidents(text)
    assert (inc.location_text, inc.country, inc.killed) == ("تاباكورت", "Mali", 3)


def test_a_cell_dismantled_is_an_arrest():
    (inc,) = incidents("أعلنت المديرية العامة للأمن الوطني تفكيك خلية إرهابية موالية لتنظيم داعش في مدينة طنجة.")
    assert (inc.event_type, inc.sub_event_type, inc.location_text) == ("Strategic developments", "Arrests", "طنجة")


def test_wounded_during_it_are_counted():
    (inc,) = incidents("اندلعت مواجهات في مخيم جنين أصيب خلالها 3 شبان بالرصاص الحي.")
    assert inc.injured == 3


def test_a_militia_holding_journalists_is_an_abduction():
    (inc,) = incidents("احتجزت ميليشيا مسلحة صحفيين اثنين في مدينة طرابلس لساعات قبل أن تطلق سراحهما.")
    assert (inc.event_type, inc.sub_event_type) == ("Violence against civilians", "Abduction/forced disappearance")


def test_gunmen_held_are_arrested_not_abducted():
    (inc,) = incidents("ألقت الأجهزة الأمنية القبض على 3 مسلحين في مدينة سرت.")
    assert (inc.event_type, inc.sub_event_type) == ("Strategic developments", "Arrests")


def test_strikes_on_two_towns_are_one_incident_per_town():
    text = "شنت طائرات حربية إسرائيلية غارات على بلدتي الخيام وبنت جبيل في جنوب لبنان، ما أدى إلى مقتل 3 أشخاص."
    first, second = incidents(text)
    assert (first.sub_event_type, first.location_text, first.killed) == ("Air/drone strike", "الخيام", 3)
    assert (second.sub_event_type, second.location_text, second.killed, second.country) == (
        "Air/drone strike",
        "بنت جبيل",
        None,
        "Lebanon",
    )


def test_shelling_of_three_towns_is_three_incidents():
    drafts = incidents("قصفت المدفعية بلدات كفرنبل ومعرة النعمان وسراقب في ريف إدلب.")
    assert [(d.sub_event_type, d.location_text) for d in drafts] == [
        ("Shelling/artillery/missile attack", "كفرنبل"),
        ("Shelling/artillery/missile attack", "معرة النعمان"),
        ("Shelling/artillery/missile attack", "سراقب"),
    ]


def test_a_place_in_a_roads_name_is_no_other_place_struck():
    (inc,) = incidents("قصفت طائرة مسيرة شاحنة كانت تسير على طريق سراقب قرب بلدة سرمدا.")
    assert inc.location_text == "سرمدا"


def test_a_cue_inside_a_groups_name_is_no_cue():
    (inc,) = incidents("انتزع مسلحو جبهة تحرير ماسينا السيطرة على بلدة ليري في وسط مالي.")
    assert (inc.event_type, inc.sub_event_type, inc.location_text) == ("Battles", "Non-state actor overtakes territory", "ليري")


def test_a_group_named_for_liberation_taking_a_village():
    (inc,) = incidents("سيطرت هيئة تحرير الشام على قرية كفرنبودة بعد اشتباكات مع قوات النظام.")
    assert inc.sub_event_type == "Non-state actor overtakes territory"


def test_students_held_after_their_protest_are_its_intervention():
    (inc,) = incidents("تظاهر مئات الطلاب في مدينة قسنطينة للمطالبة بتحسين المنح. وأوقفت الشرطة 12 طالبا.")
    assert (inc.sub_event_type, inc.location_text) == ("Protest with intervention", "قسنطينة")


def test_arrests_in_another_town_after_a_protest_are_their_own_incident():
    text = "تظاهر مئات الطلاب في مدينة قسنطينة للمطالبة بتحسين المنح. وفي مدينة وهران، أوقفت الشرطة 12 شخصا بتهمة تهريب المخدرات."
    protest, arrests = incidents(text)
    assert (protest.sub_event_type, protest.location_text) == ("Peaceful protest", "قسنطينة")
    assert (arrests.sub_event_type, arrests.location_text) == ("Arrests", "وهران")


def test_a_force_breaking_up_the_sit_in_told_apart_is_an_intervention():
    (inc,) = incidents("نظم مئات العمال وقفة احتجاجية في مدينة سوسة. وتدخلت قوات الأمن لفض الوقفة بالقوة.")
    assert (inc.sub_event_type, inc.location_text) == ("Protest with intervention", "سوسة")


@pytest.mark.parametrize(
    "text",
    [
        "قصف الطيران المسير التابع للجيش مواقع في مدينة نيالا.",
        "هاجمت مسيرات الدعم السريع محطة كهرباء في مدينة عطبرة.",
        "قصفت المقاتلات التركية مواقع في جبال قنديل.",
    ],
)
def test_drones_and_fighter_jets_named_otherwise_strike_from_the_air(text):
    (inc,) = incidents(text)
    assert (inc.event_type, inc.sub_event_type) == ("Explosions/Remote violence", "Air/drone strike")


def test_marches_are_no_drones():
    (inc,) = incidents("خرجت مسيرات حاشدة في مدينة تعز تنديدا بالحصار.")
    assert (inc.sub_event_type, inc.location_text) == ("Peaceful protest", "تعز")


def test_a_lead_sentence_naming_the_village_frames_the_first_incident():
    (inc,) = incidents("خيم الحزن على قرية تاباكورت في شمال مالي. فقد قتل مسلحون مجهولون ثلاثة رعاة صباح اليوم.")
    assert (inc.location_text, inc.country, inc.killed, inc.sub_event_type) == ("تاباكورت", "Mali", 3, "Attack")


def test_a_date_after_since_is_not_the_events_date():
    text = "قتل جنديان في قصف مدفعي على بلدة كفرنبل شمال إدلب. ويسري في المنطقة منذ مارس اتفاق هدنة بين الطرفين."
    (inc,) = incidents(text, dt.date(2024, 6, 3))
    assert (inc.date_text, inc.date, inc.killed) == (None, dt.date(2024, 6, 3), 2)


def test_a_blast_in_a_market_with_no_weapon_named_is_an_explosive_device():
    (inc,) = incidents("قتل ثلاثة أشخاص وأصيب سبعة في انفجار هز سوقا شعبيا في مدينة الباب.")
    assert (inc.event_type, inc.sub_event_type, inc.killed, inc.injured) == (
        "Explosions/Remote violence",
        "Remote explosive/landmine/IED",
        3,
        7,
    )


def test_a_shell_that_exploded_stays_shelling():
    (inc,) = incidents("انفجرت قذيفة في حي الميدان بمدينة دمشق ما أدى إلى إصابة طفلين.")
    assert inc.sub_event_type == "Shelling/artillery/missile attack"


def test_a_bombardment_of_another_town_told_with_the_taking_is_its_own_incident():
    taking, shelling = incidents("استعاد الجيش السيطرة على بلدة أم روابة بعد قصف مدفعي مكثف استهدف مدينة الرهد.")
    assert (taking.sub_event_type, taking.location_text) == ("Government regains territory", "أم روابة")
    assert (shelling.event_type, shelling.sub_event_type, shelling.location_text) == (
        "Explosions/Remote violence",
        "Shelling/artillery/missile attack",
        "الرهد",
    )


def test_firing_on_protesters_with_nobody_hurt_is_an_intervention():
    text = "أطلقت قوات الأمن النار على المحتجين في مدينة الناصرية يوم الأحد، بعد أن تجمع المئات للمطالبة بفرص عمل."
    (inc,) = incidents(text)
    assert (inc.event_type, inc.sub_event_type) == ("Protests", "Protest with intervention")


def test_fire_opened_on_the_sit_in_is_an_intervention():
    (inc,) = incidents("فتح عناصر الشرطة النار على المعتصمين أمام مقر البلدية في مدينة قفصة صباح الاثنين.")
    assert inc.sub_event_type == "Protest with intervention"


def test_a_protest_for_a_ceasefire_stays_peaceful():
    (inc,) = incidents("تظاهر مئات الطلاب في مدينة قابس للمطالبة بوقف إطلاق النار على المدنيين والمحتجين في غزة.")
    assert (inc.sub_event_type, inc.location_text) == ("Peaceful protest", "قابس")


def test_a_site_named_in_a_later_event_sentence_is_more_precise_than_the_city():
    text = "لقي خمسة أشخاص مصرعهم في هجوم بمدينة بنزرت مساء السبت. وقالت الشرطة إن مسلحين أطلقوا النار داخل مقهى النخيل قبل أن يفروا."
    (inc,) = incidents(text)
    assert (inc.location_text, inc.country) == ("مقهى النخيل", "Tunisia")


def test_shells_on_a_market_of_the_town_are_no_second_incident_in_the_town():
    text = "قتل أربعة مدنيين وأصيب سبعة آخرون يوم الخميس في مدينة كادوقلي. وسقطت القذائف على سوق الماشية وسط المدينة عند الظهر."
    (inc,) = incidents(text)
    assert (inc.sub_event_type, inc.location_text, inc.killed) == ("Shelling/artillery/missile attack", "سوق الماشية", 4)


def test_the_city_the_clash_is_put_in_beats_a_city_named_before():
    (inc,) = incidents("بعد يومين من اجتماع طرابلس، قتل ثلاثة مسلحين في اشتباكات بمدينة الزاوية يوم الجمعة.")
    assert (inc.sub_event_type, inc.location_text) == ("Armed clash", "الزاوية")
