"""Where an incident happened (annotation/nlp/event_place.py), on short reports we wrote ourselves."""

from annotation.nlp import get_tagger
from annotation.nlp.event_place import is_reference_place
from annotation.nlp.types import Span


def incidents(text):
    return get_tagger().tag(text).incidents


def where(text):
    (inc,) = incidents(text)
    place = text[inc.place_span[0] : inc.place_span[1]] if inc.place_span else None
    return inc.location_text, place


def test_a_street_in_a_city_is_the_location_and_the_city_its_place():
    text = "انفجرت عبوة ناسفة في شارع الرشيد وسط بغداد صباح اليوم وأصيب مدنيان."
    assert where(text) == ("شارع الرشيد", "بغداد")


def test_a_road_with_a_name_of_its_own_is_more_precise_than_the_city_near_it():
    text = "أصيب ثلاثة مدنيين بانفجار عبوة ناسفة على الطريق الدولي قرب مدينة الرمادي."
    assert where(text) == ("الطريق الدولي", "الرمادي")


def test_a_road_named_after_a_town_is_not_the_location():
    text = "انفجرت عبوة ناسفة على طريق بغداد - بعقوبة في محافظة ديالى وأصيب جنديان."
    assert where(text) == ("بعقوبة", "بعقوبة")


def test_a_town_struck_is_the_place_not_the_city_it_is_north_of():
    text = "قصفت طائرات حربية شمال حلب مواقع في بلدة الأتارب وقتلت أربعة مدنيين."
    assert where(text) == ("الأتارب", "الأتارب")


def test_the_city_of_the_event_not_the_city_of_the_official_who_spoke():
    text = "قال مسؤول في بغداد إن عبوة ناسفة انفجرت بمدينة الفلوجة وأصيب خمسة مدنيين."
    assert where(text) == ("الفلوجة", "الفلوجة")


def span_of(text, name):
    start = text.index(name)
    return Span(start, start + len(name), name, "LOC", "test", 1.0)


def test_reference_points_destinations_and_datelines_are_not_where_it_happened():
    text = "الموصل - قتل جنديان في هجوم شمال كركوك أثناء عودتهما إلى أربيل من قرية البشير."
    refs = {name: is_reference_place(text, span_of(text, name)) for name in ("الموصل", "كركوك", "أربيل", "البشير")}
    assert refs == {"الموصل": True, "كركوك": True, "أربيل": True, "البشير": False}


def test_a_town_of_the_event_sentence_beats_a_city_named_in_a_sentence_before_it():
    text = "وصل وفد حكومي إلى مدينة حمص صباح اليوم. وفي وقت لاحق انفجرت عبوة ناسفة في بلدة تلبيسة وقتل مدنيان."
    assert where(text)[0] == "تلبيسة"


def test_the_adjective_form_of_a_direction_is_a_reference_point_too():
    text = "سقطت قذائف هاون شمالي درعا على بلدة طفس وأصيب ثلاثة أطفال."
    assert is_reference_place(text, span_of(text, "درعا"))
    assert where(text) == ("طفس", "طفس")


def test_the_town_a_later_sentence_names_is_where_the_main_event_happened():
    text = "قتل خمسة جنود في هجوم مسلح في مالي. وكان مسلحون قد هاجموا دورية للجيش قرب بلدة دونتزا."
    (inc,) = incidents(text)
    assert (inc.sub_event_type, inc.location_text, inc.country, inc.killed) == ("Armed clash", "دونتزا", "Mali", 5)


def test_a_later_attack_with_figures_of_its_own_stays_another_incident():
    text = "قتل خمسة جنود في هجوم مسلح في مالي. وكان مسلحون قد هاجموا دورية للجيش قرب بلدة دونتزا وقتلوا جنديين."
    main, other = incidents(text)
    assert (main.location_text, main.killed) == ("مالي", 5)
    assert (other.location_text, other.killed) == ("دونتزا", 2)


def test_a_second_event_told_in_its_province_then_in_its_town_is_one_incident_at_the_town():
    text = (
        "انفجرت عبوة ناسفة في مدينة كركوك وأصيب ثلاثة مدنيين. وفي حادث منفصل، قتل خمسة جنود في هجوم مسلح في محافظة نينوى."
        " وكان مسلحون قد هاجموا دورية للجيش قرب بلدة تلعفر."
    )
    assert [(i.location_text, i.killed, i.injured) for i in incidents(text)] == [("كركوك", None, 3), ("تلعفر", 5, None)]


def test_a_known_name_that_only_opens_a_towns_name_after_its_head_is_not_that_other_place():
    # "بولو" alone is a Turkish town; after "بلدة" with a second word before the comma it is a Somali one
    text = "هاجم مسلحون موقعا للجيش الصومالي في بلدة بولو حاوو، وقتلوا جنديين."
    (inc,) = incidents(text)
    assert (inc.location_text, inc.country) == ("بولو حاوو", "Somalia")
    assert [s.text for s in get_tagger().tag(text).spans if s.label == "LOC"] == ["بولو حاوو"]


def test_a_known_town_after_its_head_keeps_its_name_when_a_time_word_follows():
    text = "قتل جنديان في هجوم على بلدة بولو مساء أمس في تركيا."
    assert [s.text for s in get_tagger().tag(text).spans if s.label == "LOC"] == ["بولو", "تركيا"]


def test_a_town_named_inside_a_facility_is_a_place_of_its_own_but_not_a_road_s_or_an_embassy_s_country():
    result = get_tagger().tag("أضرم محتجون النار في مقر ولاية قفصة ثم أغلقوا طريق القصرين أمام سفارة فرنسا")
    assert [(s.text, s.label) for s in result.nested] == [("قفصة", "LOC")]
    entities = [(e["text"], e["label"]) for e in result.entities_for_format()]
    assert ("مقر ولاية قفصة", "FAC") in entities and ("قفصة", "LOC") in entities


def test_the_place_of_the_source_that_spoke_is_not_where_it_happened():
    text = "أعلنت وزارة الدفاع في دمشق أن طائرات مسيرة قصفت مواقع في ريف حلب."
    assert [i.location_text for i in incidents(text)] == ["حلب"]
    text = "قالت وزارة الصحة في غزة إن خمسة أشخاص قتلوا في قصف على خان يونس."
    assert [i.location_text for i in incidents(text)] == ["خان يونس"]
    text = "قتل شرطيان في هجوم في مدينة العريش، بحسب مصدر أمني في القاهرة."
    assert is_reference_place(text, span_of(text, "القاهرة")) and not is_reference_place(text, span_of(text, "العريش"))


def test_the_town_of_the_hospital_the_wounded_were_taken_to_is_not_where_it_happened():
    text = "نقل ثلاثة جرحى إلى مستشفى الشفاء في غزة بعد غارة على حي الزيتون."
    assert [i.location_text for i in incidents(text)] == ["الزيتون"]


def test_a_victims_home_town_is_not_where_it_happened():
    text = "قتل شاب من أبناء بلدة بنت جبيل في غارة إسرائيلية على مدينة صور."
    assert [i.location_text for i in incidents(text)] == ["صور"]
    text = "قتل شاب في غارة إسرائيلية على مدينة صور، وهو ينحدر من بلدة بنت جبيل."
    assert [i.location_text for i in incidents(text)] == ["صور"]


def test_a_name_the_text_calls_a_province_is_less_precise_than_the_city_in_it():
    text = "تظاهر مئات في مدينة ود مدني بولاية الجزيرة للمطالبة بالحكم المدني."
    assert [i.location_text for i in incidents(text)] == ["ود مدني"]


def test_a_place_in_what_the_source_said_is_where_it_happened():
    text = "قالت الشرطة إنها اعتقلت خمسة أشخاص في الفلوجة."
    assert not is_reference_place(text, span_of(text, "الفلوجة"))
    text = "أفادت مصادر محلية في الفلوجة بأن قصفا استهدف حي الجولان."
    assert is_reference_place(text, span_of(text, "الفلوجة"))


def test_the_hospital_of_the_official_who_spoke_is_not_the_site():
    text = "أصيب طفلان في قصف مدفعي على مدينة تعز، وقال مسؤول في مستشفى الثورة في المدينة إن حالتهما خطيرة."
    assert where(text) == ("تعز", "تعز")
    text = "أصيب طفلان في قصف مدفعي على مدينة تعز ونقلا إلى مستشفى الثورة."
    assert where(text) == ("تعز", "تعز")


def test_a_place_between_two_towns_is_one_event_at_the_first():
    text = "قتل راع في انفجار لغم بين مدينتي نوى وطفس."
    assert [i.location_text for i in incidents(text)] == ["نوى"]
    text = "قتل ثلاثة أشخاص في انفجار سيارة مفخخة على الطريق بين مدينتي أعزاز ومارع."
    assert [i.location_text for i in incidents(text)] == ["أعزاز"]


def test_the_seat_of_a_source_or_outlet_is_no_second_place_struck():
    text = "قال المرصد السوري لحقوق الإنسان، ومقره لندن، إن طائرات قصفت بلدة سراقب وقتلت ثلاثة مدنيين."
    assert [i.location_text for i in incidents(text)] == ["سراقب"]
    text = "قالت منظمة أطباء بلا حدود ومقرها جنيف إن قصفا استهدف مستشفى في مدينة الفاشر."
    assert [i.location_text for i in incidents(text)] == ["الفاشر"]


def test_a_town_only_said_to_be_near_the_place_struck_is_no_second_place():
    text = "شنت مسيرة تركية غارة على سيارة في بلدة عامودا القريبة من مدينة القامشلي، ما أدى إلى مقتل شخصين."
    assert [i.location_text for i in incidents(text)] == ["عامودا"]


def test_a_road_told_by_the_towns_it_joins_is_not_the_site():
    text = "قتل ثلاثة جنود بانفجار عبوة ناسفة استهدفت دوريتهم على الطريق الرابط بين مدينتي بيدوا وبورهكبة."
    assert [i.location_text for i in incidents(text)] == ["بيدوا"]
