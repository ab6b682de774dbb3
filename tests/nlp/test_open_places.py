"""Towns the open countries-states-cities list names in Arabic (data/csc_places.tsv, build_csc_places.py): sentences
written for these tests (no text from the evaluation corpus)."""

import pytest

from annotation.nlp import get_tagger
from annotation.nlp.gazetteer import load_places


def places(text):
    return {(s.text, s.entity_key) for s in get_tagger().tag(text).spans if s.label == "LOC"}


def test_an_algerian_town_only_the_open_list_names_is_a_place():
    assert places("وأغلقت السلطات الطريق المؤدي إلى ندروما بعد الفيضانات") == {("ندروما", "place:Nedroma|DZA")}


def test_an_egyptian_town_only_the_open_list_names_is_a_place():
    assert places("واحترق مخزن للحبوب في بسيون مساء الجمعة") == {("بسيون", "place:Basyūn|EGY")}


def test_open_list_rows_keep_only_facts_of_the_region():
    rows = [p for p in load_places() if p.name_en == "Giado"]
    assert [(p.name_ar, p.country_iso3, p.kind) for p in rows] == [("جيادو", "LBY", "town")]


def test_builder_filter_drops_everyday_words_and_phrases_of_them():
    build = pytest.importorskip("annotation.nlp.data.build_csc_places")  # needs wordfreq (development requirements)
    assert build.keep("ندروما")
    assert not build.keep("خليج")  # a transliteration of "Bay" that is the word "gulf"
    assert not build.keep("طويل القامة")  # every word everyday: no place name
    assert not build.keep("Giado")


def test_a_syrian_village_of_two_words_from_who_is_on_first_is_a_place():
    assert places("وسقطت قذيفة على منزل في مشرفة البوير دون إصابات") == {("مشرفة البوير", "place:Mashrafat al Buwayr|SYR")}


def test_village_builder_keeps_names_of_several_words_without_a_given_name():
    build = pytest.importorskip("annotation.nlp.data.build_wof_places")  # needs wordfreq (development requirements)
    props = {"name:ara_x_preferred": ["مديرية قرن ذيبان"], "name:ara_x_variant": ["واسطة", "حمد المخلف", "قرن ذيبان"]}
    assert build._names(props, known=set(), given={"حمد"}) == ["قرن ذيبان"]
