"""Towns the open countries-states-cities list names in Arabic (data/csc_places.tsv, build_csc_places.py): sentences
written for these tests (no text from the evaluation corpus)."""

import pytest

from annotation.nlp import get_tagger
from annotation.nlp.gazetteer import load_places, village_names


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


def test_village_builder_keeps_names_without_a_given_name_and_drops_the_place_type_word():
    build = pytest.importorskip("annotation.nlp.data.build_wof_places")  # needs wordfreq (development requirements)
    props = {"name:ara_x_preferred": ["مديرية قرن ذيبان"], "name:ara_x_variant": ["واسطة", "حمد المخلف", "قرن ذيبان", "خليج"]}
    # the one-word name goes to the evidence-only list (wof_villages.tsv); the everyday word "خليج" is left out
    assert build._names(props, known=set(), given={"حمد"}) == ["قرن ذيبان", "واسطة"]


def test_a_one_word_village_of_the_open_lists_is_a_place_after_a_locative_preposition():
    assert places("وقتل راع برصاص مجهولين في بابنوسة مساء أمس") == {("بابنوسة", None)}


def test_a_one_word_village_of_the_open_lists_is_no_place_without_a_word_saying_one_follows():
    assert places("وقال بابنوسة إن الطريق مغلق") == set()


def test_a_one_word_village_listed_after_a_place_is_a_place_too():
    assert places("وقصفت المدفعية بنت جبيل ومركبا فجر اليوم") == {("بنت جبيل", "place:Bint Jbeil|LBN"), ("مركبا", None)}


def test_one_word_villages_are_read_only_as_evidence():
    assert "مركبا" in village_names()
    assert not any(p.name_ar == "مركبا" for p in load_places())


def test_a_first_level_division_of_who_is_on_first_is_a_governorate_matched_anywhere():
    assert places("ونزح آلاف إلى سلامات هربا من القتال") == {("سلامات", "place:Salamat|TCD")}
    assert [p.kind for p in load_places() if p.name_en == "Salamat"] == ["governorate"]


def test_a_region_named_on_its_own_is_a_place_and_a_gulf_keeps_its_head():
    assert places("وسقط صاروخ في النقب دون إصابات") == {("النقب", "place:Negev|ISR")}
    assert places("واعترضت سفينة حربية زورقا في خليج عدن") == {("خليج عدن", "place:Gulf of Aden|YEM")}
