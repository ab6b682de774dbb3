"""Words that read as a place's name in one phrase and as everyday Arabic in another."""

import pytest

from annotation.nlp.pipeline import Tagger


@pytest.fixture(scope="module")
def tagger():
    return Tagger(use_farasa=False)


def _places(tagger, sentence):
    return [s.text for s in tagger.tag(sentence).spans if s.label == "LOC"]


def test_a_birthplace_is_not_muscat(tagger):
    assert _places(tagger, "شيّع الأهالي الشاب في مسقط رأسه بعد يومين.") == []
    assert _places(tagger, "عادت المعلمة إلى مسقط رأسها في الجنوب.") == []


def test_muscat_the_city_is_still_read(tagger):
    assert _places(tagger, "وصل وزير الخارجية إلى مسقط مساء الأحد.") == ["مسقط"]


def test_a_verb_after_fa_ends_an_unknown_town_name(tagger):
    assert _places(tagger, "هاجم مسلحون شاحنة قرب بلدة كفرعوان فقتلوا سائقها.") == ["كفرعوان"]


def test_a_place_after_wa_is_read_with_the_shorter_clitic(tagger):
    # "وكردفان" is "و" + Kordofan; "وك" + Radfan (a Yemeni district) is an equally long reading with more clitic
    spans = [(s.text, s.entity_key) for s in tagger.tag("واتسعت المواجهات في دارفور وكردفان.").spans if s.label == "LOC"]
    assert spans == [("دارفور", "place:Darfur|SDN"), ("كردفان", "place:Kordofan|SDN")]
