"""A strike is copied to each town its sentence names, but not to towns named only to date it by their fall."""

import pytest

from annotation.nlp.pipeline import Tagger


@pytest.fixture(scope="module")
def tagger():
    return Tagger(use_farasa=False)


def _places(tagger, text):
    return [(d.location_text, d.sub_event_type) for d in tagger.tag(text).incidents]


def test_towns_named_by_their_fall_get_no_strike_of_their_own(tagger):
    text = "قصفت طائرة مسيرة سوقا في مدينة كسلا يوم الأحد، بعد سقوط نيالا والجنينة بأيدي المسلحين، فقتل ثلاثة مدنيين."
    assert [place for place, _ in _places(tagger, text)] == ["كسلا"]


def test_towns_struck_together_each_get_a_strike(tagger):
    text = "قصفت طائرات حربية بلدتي كفرنبل ومعرة النعمان يوم الأحد."
    assert _places(tagger, text) == [("كفرنبل", "Air/drone strike"), ("معرة النعمان", "Air/drone strike")]
