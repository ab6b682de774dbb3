"""The article's focus country and the namesakes it decides between, on our own sentences."""

import pytest

from annotation.nlp import get_tagger
from annotation.nlp.focus import country_scores, focus_country, nationality_of
from annotation.nlp.normalize import norm


def _focus(text):
    return focus_country(text, get_tagger().tag(text).spans)


@pytest.mark.parametrize(
    ("word", "iso3"),
    [
        ("سوداني", "SDN"),
        ("والسودانية", "SDN"),
        ("السودانيين", "SDN"),
        ("سودانيون", "SDN"),
        ("الأمريكية", "USA"),
        ("الروس", "RUS"),
        ("التشادي", "TCD"),
        ("الجيش", None),
        ("بالقوات", None),
    ],
)
def test_nationality_of_every_inflection(word, iso3):
    found = nationality_of(norm(word))
    assert (found.iso3 if found else None) == iso3


def test_dateline_outweighs_a_neighbour_named_twice():
    text = "نجامينا - قال مسؤول إن الاشتباكات قرب الحدود مع السودان دفعت لاجئين إلى عبور الحدود من السودان."
    assert _focus(text) == "TCD"


def test_forces_named_by_nationality_count_double():
    text = "تقدم الجيش الصومالي نحو مواقع المسلحين، وقال شاهد إن طائرة كينية حلقت فوق المنطقة."
    scores = country_scores(text, get_tagger().tag(text).spans)
    assert scores["SOM"] == 2.0 + 1.0  # the adjective after a force head, and the actor of known country
    assert scores["KEN"] == 1.0
    assert _focus(text) == "SOM"


def test_ambiguous_adjective_counts_only_after_a_force():
    assert _focus("قدمت الحكومة الدعم المالي للمزارعين") is None
    assert _focus("قال الجيش المالي إن دورية تعرضت لكمين") == "MLI"


def test_no_evidence_no_country():
    assert _focus("قال شهود إن رجلا أصيب بجروح طفيفة") is None


def _key_of(text, name):
    return next(s.entity_key for s in get_tagger().tag(text).spans if s.text == name)


def test_namesake_follows_the_article_lebanon():
    text = "بيروت - أصيب ثلاثة أشخاص في اشتباك بمدينة طرابلس شمالي لبنان، بحسب الجيش اللبناني."
    assert _key_of(text, "طرابلس") == "place:Tripoli|LBN"


def test_namesake_follows_the_article_libya():
    text = "أعلنت حكومة الوحدة الليبية أن اشتباكا وقع في طرابلس بين فصيلين مسلحين في ليبيا."
    assert _key_of(text, "طرابلس") == "place:Tripoli|LBY"
