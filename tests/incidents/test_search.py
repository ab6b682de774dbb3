"""Arabic-aware search: normalisation, clitics, the stored search text, and the QuerySet filter."""

import datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from incidents.models import Incident
from incidents.search import normalize_arabic, query_words, search_filter, word_variants
from tests.factories import entity, publish


@pytest.mark.parametrize(
    ("raw", "folded"),
    [
        ("الأنبار", "الانبار"),
        ("إدلب", "ادلب"),
        ("آمرلي", "امرلي"),
        ("مستشفى", "مستشفي"),
        ("محافظة", "محافظه"),
        ("مُحَمَّد", "محمد"),
        ("بغـــداد", "بغداد"),
        ("٢٠٢٥", "2025"),
        ("Air Strike!", "air strike"),
    ],
)
def test_normalize_arabic_folds_spelling_variants(raw, folded):
    assert normalize_arabic(raw) == folded


@pytest.mark.parametrize(
    ("word", "forms"),
    [
        ("وبغداد", ["وبغداد", "بغداد"]),
        ("بغداد", ["بغداد"]),  # a word that starts with ب is not a preposition + word
        ("والانبار", ["والانبار", "الانبار", "انبار"]),
        ("بالموصل", ["بالموصل", "الموصل", "موصل"]),
        ("للموصل", ["للموصل", "الموصل", "موصل"]),
        ("فالقوات", ["فالقوات", "القوات", "قوات"]),
        ("وال", ["وال"]),  # too short to strip
        ("strike", ["strike"]),
    ],
)
def test_word_variants_strip_proclitics(word, forms):
    assert word_variants(word) == forms


def test_query_words_are_normalised_and_capped():
    assert query_words("وبغداد  الأنبار") == [["وبغداد", "بغداد"], ["الانبار", "انبار"]]
    assert len(query_words(" ".join(["كلمة"] * 20))) == 8


@given(st.text())
def test_normalisation_is_idempotent(text):
    once = normalize_arabic(text)
    assert normalize_arabic(once) == once


def found(query, **kwargs):
    return sorted(search_filter(Incident.objects.public(), query, **kwargs).values_list("code", flat=True))


@pytest.mark.django_db
def test_search_matches_arabic_as_readers_type_it(world):
    bomb, clash = world["bomb"].code, world["clash"].code
    assert found("الانبار") == [bomb]  # stored as «الأنبار»
    assert found("الأنبار") == [bomb]
    assert found("وبغداد") == [clash]  # the conjunction is stripped from the query word
    assert found("ناسفه") == [bomb]  # ta marbuta
    assert found("عبوة ناسفة الأنبار") == [bomb]  # every word must match
    assert found("عبوة بغداد") == []


@pytest.mark.django_db
def test_search_finds_stored_words_with_clitics(world, editor, reviewer):
    incident = publish(
        editor,
        reviewer,
        title_ar="قصف على الحويجة وكركوك",
        event_type="Explosions/Remote violence",
        sub_event_type="Shelling/artillery/missile attack",
        date_start=datetime.date(2025, 4, 1),
        country="IRQ",
    )
    assert found("كركوك") == sorted([incident.code, world["retracted"].code])  # «وكركوك» in the new one
    assert found("حويجة") == [incident.code]


@pytest.mark.django_db
def test_search_in_english_fields(world):
    assert found("strike") == [world["strike"].code]
    assert found("Roadside Bomb") == [world["bomb"].code]
    assert found("gunmen") == [world["attack"].code]


@pytest.mark.django_db
def test_search_covers_codes_places_and_actor_names(world):
    assert found(world["strike"].code) == [world["strike"].code]
    assert found("Ramadi") == [world["bomb"].code]  # the place entity's English name
    assert found("الروسية") == [world["strike"].code]  # an actor's name


@pytest.mark.django_db
def test_search_never_returns_hidden_incidents(world):
    assert found("طلسم") == []
    assert found("LEAKCHECK") == []


@pytest.mark.django_db
def test_empty_query_changes_nothing(world):
    assert len(found("  ")) == 5
    assert len(found("!!!")) == 5


@pytest.mark.django_db
def test_fuzzy_search_finds_misspellings_on_postgresql(world):
    from django.db import connection

    if connection.vendor != "postgresql":
        pytest.skip("trigram similarity needs PostgreSQL (pg_trgm)")
    assert found("الرمادى") == [world["bomb"].code]  # alef maqsura folded: exact after normalisation
    assert found("حلب", fuzzy=True) == []
    assert world["attack"].code in found("بعقوبا", fuzzy=True)


@pytest.mark.django_db
def test_list_page_falls_back_to_similar_spellings(client, world):
    from django.db import connection

    response = client.get("/ar/?q=بعقوبا")
    codes = [i.code for i in response.context["page"]]
    if connection.vendor == "postgresql":
        assert codes == [world["attack"].code]
        assert response.context["fuzzy"] is True
    else:
        assert codes == []


@pytest.mark.django_db
def test_search_document_includes_actor_names(world):
    group = entity("كتائب الاختبار", "Test Brigades", actor_type="Political militia")
    attack = world["attack"]
    attack.actors.create(entity=group, role="assoc1")
    from incidents.search import search_document

    assert "كتايب الاختبار" in search_document(attack)  # normalised: ئ → ي
    assert "test brigades" in search_document(attack)
