"""Incident drafting on our own short reports."""

import datetime as dt

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
    text = ("اشتبكت قوات الجيش مع مسلحين في ريف إدلب اليوم وقتل أربعة مسلحين.\n\n"
            "وفي مطلع آذار، قتل ستة جنود في كمين قرب حماة.")
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
    assert set(inc.to_format_dict()) == {"date", "date_text", "country", "location_text", "event_type",
                                         "sub_event_type", "killed", "injured", "actor1_text", "actor2_text", "summary_en"}
