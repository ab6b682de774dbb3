"""Every ACLED event type is drafted from its cues (data/event_triggers.tsv); sentences written for these tests."""

import pytest

from annotation.nlp import get_tagger
from annotation.nlp.patterns import events as E


def main_type(text):
    incs = get_tagger().tag(text).incidents
    return (incs[0].event_type, incs[0].sub_event_type) if incs else None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("نظم عشرات الطلاب مسيرة احتجاجية وسط مدينة صفاقس للمطالبة بتحسين السكن الجامعي.", ("Protests", "Peaceful protest")),
        ("اعتصم عمال المصنع أمام مقر الولاية في قفصة احتجاجا على تأخر الرواتب.", ("Protests", "Peaceful protest")),
        ("اندلعت أعمال شغب في حي شعبي بمدينة وهران بعد مباراة كرة القدم.", ("Riots", "Violent demonstration")),
        ("نهب مسلحون مخازن الحبوب في بلدة كتم ثم غادروا.", ("Strategic developments", "Looting/property destruction")),
        (
            "انسحبت القوات الحكومية من بلدة تساليت وتسلمتها قوة محلية دون قتال.",
            ("Strategic developments", "Non-violent transfer of territory"),
        ),
        ("وثقت منظمة حقوقية حالات اغتصاب ارتكبها مسلحون بحق نازحات قرب مدينة الجنينة.", ("Violence against civilians", "Sexual violence")),
        (
            "اختطف مسلحون مجهولون ثلاثة مهندسين من موقع عملهم قرب مدينة مرزق.",
            ("Violence against civilians", "Abduction/forced disappearance"),
        ),
        ("شنت طائرة مسيرة مسلحة ضربة على سيارة قرب مدينة مأرب.", ("Explosions/Remote violence", "Air/drone strike")),
        ("سقطت قذائف هاون على سوق شعبي في مدينة الفاشر.", ("Explosions/Remote violence", "Shelling/artillery/missile attack")),
        ("انفجرت سيارة مفخخة قرب حاجز أمني في مدينة بيدوا.", ("Explosions/Remote violence", "Remote explosive/landmine/IED")),
        ("ألقى مجهول قنبلة يدوية على متجر في مدينة إربد.", ("Explosions/Remote violence", "Grenade")),
        ("دارت اشتباكات عنيفة بين الجيش ومسلحين قرب بلدة ميناكا.", ("Battles", "Armed clash")),
        ("شنت قوات الأمن حملة اعتقالات في مدينة العريش طالت عشرات الشبان.", ("Strategic developments", "Arrests")),
        ("أعلن الطرفان التوصل إلى هدنة في مدينة الزاوية بعد أيام من القتال.", ("Strategic developments", "Agreement")),
        ("عثرت دورية على مخبأ للأسلحة في بستان قرب بلدة الضلوعية وصادرت محتوياته.", ("Strategic developments", "Disrupted weapons use")),
        ("خرج المئات في مسيرة حاشدة وسط مدينة نواكشوط للتنديد بغلاء الأسعار.", ("Protests", "Peaceful protest")),
    ],
)
def test_event_type_from_its_cues(text, expected):
    assert main_type(text) == expected


def test_a_house_burnt_in_an_attack_is_part_of_the_attack_not_looting():
    text = "هاجم مسلحون قرية في ريف المدينة وقتلوا مزارعين اثنين ونهبوا مواشيهم."
    assert main_type(text)[1] != "Looting/property destruction"


def test_water_bottles_thrown_at_police_are_no_bomb():
    text = "رشق متظاهرون عناصر الشرطة بعبوات المياه أمام مبنى البرلمان في بيروت."
    assert main_type(text) == ("Riots", "Violent demonstration")


def test_a_political_agreement_alone_is_no_incident():
    assert get_tagger().tag("رحب المجلس بالاتفاق السياسي بين الأطراف وبحث ملف الانتخابات.").incidents == []


def test_cues_are_data_every_type_has_its_event_type():
    acled = {
        "Battles",
        "Explosions/Remote violence",
        "Violence against civilians",
        "Protests",
        "Riots",
        "Strategic developments",
    }
    assert {event for _sub, event, _ in E.TRIGGERS} == acled
    assert len([sub for sub, _event, cues in E.TRIGGERS if cues]) >= 20


def test_a_town_named_in_the_event_sentence_is_more_precise_than_the_city_before_it():
    text = "في مدينة الموصل، قالت الشرطة إن عبوة ناسفة انفجرت في ناحية القيارة وأصابت جنديين."
    inc = get_tagger().tag(text).incidents[0]
    assert inc.location_text == "القيارة"


def test_arrests_at_a_protest_are_the_intervention_in_it():
    text = "تظاهر عشرات الشبان أمام مبنى البلدية في مدينة قابس واعتقلت الشرطة خمسة منهم."
    assert main_type(text) == ("Protests", "Protest with intervention")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("أعلن الجيش الصومالي استعادة بلدة عيل بور من حركة الشباب صباح الأحد.", "Government regains territory"),
        ("عثرت قوات الأمن على كمية من الأسلحة والذخائر في مزرعة بريف درعا.", "Disrupted weapons use"),
        ("ضبطت قوات الأمن العراقية مخزنا للأسلحة والأعتدة في قضاء الطارمية شمال بغداد.", "Disrupted weapons use"),
        ("فرقت قوات الأمن بالقوة اعتصاما لعمال مصنع في مدينة المحلة الكبرى.", "Protest with intervention"),
        ("هاجمت مسيرة انتحارية قاعدة عسكرية في مدينة الأبيض.", "Air/drone strike"),
        ("اختفى الناشط بعد أن اقتاده عناصر أمن بلباس مدني إلى جهة مجهولة في مدينة عدن.", "Abduction/forced disappearance"),
        ("أعلنت جماعة نصرة الإسلام والمسلمين تأسيس مقر جديد لها في منطقة منكا.", "Headquarters or base established"),
        ("اعتدى مسلحون جنسيا على نساء نازحات في قرية بإقليم دارفور.", "Sexual violence"),
        ("أعلنت الدفاعات الجوية السعودية اعتراض مسيرة أطلقها الحوثيون باتجاه مدينة جازان.", "Disrupted weapons use"),
    ],
)
def test_other_wordings_of_a_cue_draft_their_type(text, expected):
    incs = get_tagger().tag(text).incidents
    assert [x.sub_event_type for x in incs][:1] == [expected]


def test_a_suicide_bomber_is_still_a_suicide_bomb():
    text = "فجر انتحاري حزامه الناسف وسط تجمع للمدنيين في سوق بمدينة مقديشو."
    assert [x.sub_event_type for x in get_tagger().tag(text).incidents][:1] == ["Suicide bomb"]


@pytest.mark.parametrize(
    "text",
    [
        "أفرجت جماعة مسلحة عن ثلاثة مختطفين في ولاية زمفارا بعد دفع فدية.",
        "طالبت عائلات المختطفين الحكومة بالتحرك للإفراج عن ذويهم.",
    ],
)
def test_people_held_named_without_their_taking_draft_no_abduction(text):
    assert get_tagger().tag(text).incidents == []


def test_an_abduction_told_with_its_hostages_named_stays_one():
    text = "اختطف مسلحون خمسة مدنيين من قرية في ولاية زمفارا، ولا يزال مصير المختطفين مجهولا."
    assert [x.sub_event_type for x in get_tagger().tag(text).incidents] == ["Abduction/forced disappearance"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("وقع الطرفان على اتفاق يقضي بتسليم المعسكر إلى الجيش.", "Agreement"),
        ("تظاهر المئات أمام البرلمان في تونس وطاردت الشرطة المحتجين في الشوارع.", "Protest with intervention"),
        ("نظم العشرات وقفة احتجاجية في الرباط، وانهالت عناصر الأمن على المشاركين بالعصي.", "Protest with intervention"),
        ("تظاهر المئات في مدينة السويداء، وانتشرت قوات مكافحة الشغب في محيط الساحة.", "Peaceful protest"),
        ("ضربت مسيرة منزلا في مدينة النهود مساء الأحد.", "Air/drone strike"),
        ("أغلق محتجون الطرق بالإطارات المحترقة في مدينة البصرة.", "Violent demonstration"),
        ("أقام محتجون المتاريس في شوارع مدينة بنزرت.", "Violent demonstration"),
        ("فجر مجهولون عبوة صوتية قرب مقر حزب في مدينة السليمانية دون إصابات.", "Remote explosive/landmine/IED"),
    ],
)
def test_protest_and_agreement_wordings(text, expected):
    assert [x.sub_event_type for x in get_tagger().tag(text).incidents][:1] == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "دعا الاتحاد العام التونسي للشغل إلى إضراب عام في ولاية صفاقس.",
        "ينظم الاتحاد العام التونسي للشغل إضرابا عاما يوم الخميس المقبل في ولاية صفاقس.",
        "هدد المعلمون بتنظيم وقفات احتجاجية في حال عدم الاستجابة لمطالبهم.",
        "يخطط الجيش لاستعادة السيطرة على مدينة ود مدني.",
    ],
)
def test_an_event_called_for_planned_or_to_come_is_not_drafted(text):
    assert get_tagger().tag(text).incidents == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("تظاهر المئات في الرباط رفضا للانتخابات المقبلة.", "Peaceful protest"),
        ("هاجم مسلحون قرية في ولاية زمفارا يوم الأحد. ودعت الحكومة إلى وقف العنف.", "Attack"),
    ],
)
def test_an_event_that_happened_is_drafted_beside_a_call_or_a_future_word(text, expected):
    assert [x.sub_event_type for x in get_tagger().tag(text).incidents][:1] == [expected]
