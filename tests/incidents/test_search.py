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


def _slow_search(monkeypatch, *, fuzzy):
    """The search as typed (fuzzy=False) or its misspelling fallback (fuzzy=True) made slow on
    purpose (a half-second sleep in its WHERE), with 100 ms limits."""
    import incidents.filters
    from incidents import selectors

    real = incidents.filters.search_filter

    def slow(queryset, query, *, fuzzy=False, slowed=fuzzy):
        found = real(queryset, query, fuzzy=fuzzy)
        return found.extra(where=["(SELECT true FROM pg_sleep(0.5))"]) if fuzzy == slowed else found

    monkeypatch.setattr(incidents.filters, "search_filter", slow)
    monkeypatch.setattr(selectors, "SEARCH_TIMEOUT_MS", 100)
    monkeypatch.setattr(selectors, "FUZZY_TIMEOUT_MS", 100)


@pytest.mark.django_db
def test_a_slow_search_as_typed_is_cut_off_with_a_notice(client, world, monkeypatch):
    from django.db import connection

    if connection.vendor != "postgresql":
        pytest.skip("pg_sleep and statement_timeout are PostgreSQL's")
    _slow_search(monkeypatch, fuzzy=False)
    response = client.get("/ar/?country=IRQ&q=بعقوبة")
    assert response.status_code == 200
    assert [i.code for i in response.context["page"]] == []
    assert (response.context["fuzzy"], response.context["search_too_slow"]) == (False, True)
    assert "search-too-slow" in response.content.decode()
    # Without words the same filters are not bounded (and not slowed).
    assert [i.code for i in client.get("/ar/?country=IRQ&event_type=Violence against civilians").context["page"]] == [world["attack"].code]


@pytest.mark.django_db
def test_a_slow_misspelling_fallback_is_cut_off_with_a_notice(client, world, monkeypatch):
    from django.db import connection

    _slow_search(monkeypatch, fuzzy=True)
    response = client.get("/ar/?country=IRQ&q=بعقوبا")
    assert response.status_code == 200
    assert [i.code for i in response.context["page"]] == []
    assert response.context["fuzzy"] is False
    html = response.content.decode()
    if connection.vendor == "postgresql":
        assert response.context["search_too_slow"] is True
        assert "search-too-slow" in html
        # The database connection is still usable and unbounded after the cancelled query.
        with connection.cursor() as cursor:
            cursor.execute("SELECT current_setting('statement_timeout')")
            assert cursor.fetchone() == ("0",)
        assert client.get("/ar/?q=بعقوبة").context["page"][0].code == world["attack"].code
    else:  # SQLite has no fallback: nothing to bound
        assert response.context["search_too_slow"] is False
        assert "search-too-slow" not in html


@pytest.mark.django_db
def test_a_quick_misspelling_fallback_leaves_no_time_limit_behind(client, world):
    from django.db import connection

    response = client.get("/ar/?country=IRQ&q=بعقوبا")
    if connection.vendor != "postgresql":
        assert [i.code for i in response.context["page"]] == []
        return
    assert [i.code for i in response.context["page"]] == [world["attack"].code]
    assert (response.context["fuzzy"], response.context["search_too_slow"]) == (True, False)
    with connection.cursor() as cursor:
        cursor.execute("SELECT current_setting('statement_timeout')")
        assert cursor.fetchone() == ("0",)


@pytest.mark.django_db
def test_search_document_includes_actor_names(world):
    group = entity("كتائب الاختبار", "Test Brigades", actor_type="Political militia")
    attack = world["attack"]
    attack.actors.create(entity=group, role="assoc1")
    from incidents.search import search_document

    assert "كتايب الاختبار" in search_document(attack)  # normalised: ئ → ي
    assert "test brigades" in search_document(attack)


def _governorate_incident(editor, reviewer, admin1, title_ar, **fields):
    return publish(
        editor,
        reviewer,
        title_ar=title_ar,
        title_en=f"Clash in {admin1}",
        event_type="Battles",
        sub_event_type="Armed clash",
        date_start=datetime.date(2025, 5, 2),
        country="IRQ",
        admin1=admin1,
        **fields,
    )


@pytest.mark.django_db
def test_arabic_governorate_names_find_what_the_english_names_find(world, editor, reviewer):
    # Governorates are stored in English (ACLED's admin1); the Arabic titles here do not name them.
    nineveh = _governorate_incident(editor, reviewer, "Nineveh", "اشتباك قرب قرية صغيرة")
    pairs = {"كركوك": "Kirkuk", "الأنبار": "Anbar", "نينوى": "Nineveh", "ديالى": "Diyala"}
    for arabic, english in pairs.items():
        assert found(english), english
        assert set(found(english)) <= set(found(arabic)), arabic
    assert found("نينوى") == [nineveh.code]
    assert found("ديالى") == [world["attack"].code]  # «بعقوبة» in its title, Diyala only as admin1
    assert found("كركوك") == [world["retracted"].code]  # no place entity: the governorate alone


@pytest.mark.django_db
def test_governorate_spelling_variants(world, editor, reviewer):
    nineveh = _governorate_incident(editor, reviewer, "Nineveh", "اشتباك قرب قرية صغيرة")
    assert found("نينوي") == [nineveh.code]  # alef maqsura typed as ya
    assert found("انبار") == found("الأنبار") == [world["bomb"].code]  # with and without the article
    assert found("بالأنبار") == [world["bomb"].code]
    assert found("ونينوى") == [nineveh.code]


@pytest.mark.django_db
def test_countries_are_found_by_their_arabic_names(world):
    assert found("سوريا") == [world["strike"].code]
    assert found("Syria") == [world["strike"].code]


@pytest.mark.django_db
def test_governorate_aliases_from_the_knowledge_base(editor, reviewer):
    entity("حلبجة", "Halabja", "LOC", geo_kind="governorate", admin1="Halabja", country_iso3="IRQ", aliases=["هلبجة"])
    incident = _governorate_incident(editor, reviewer, "Halabja", "اشتباك قرب قرية صغيرة")
    assert found("حلبجه") == [incident.code]
    assert found("هلبجة") == [incident.code]


def test_search_is_declared_in_the_model():
    field = Incident._meta.get_field("search_vector")
    assert field.generated and field.db_persist
    names = {index.name for index in Incident._meta.indexes}
    assert {"incident_search_vector", "incident_search_trgm"} <= names


@pytest.mark.django_db
def test_search_indexes_exist_on_postgresql():
    from django.db import connection

    if connection.vendor != "postgresql":
        pytest.skip("GIN indexes are PostgreSQL's")
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'incidents_incident' AND indexname LIKE 'incident_search%%'"
        )
        indexes = dict(cursor.fetchall())
    assert "USING gin (search_vector)" in indexes["incident_search_vector"]
    assert "USING gin (search_text gin_trgm_ops)" in indexes["incident_search_trgm"]


@pytest.mark.django_db
def test_reindex_search_brings_old_search_texts_up_to_date(world):
    from io import StringIO

    from django.core.management import call_command

    Incident.objects.filter(pk=world["retracted"].pk).update(search_text="stale")
    assert found("كركوك") == []
    out = StringIO()
    call_command("reindex_search", stdout=out)
    assert found("كركوك") == [world["retracted"].code]
    assert out.getvalue().strip() == f"reindexed {Incident.objects.count()} incidents"


@pytest.mark.django_db
def test_reindex_merge_survivors_lets_an_old_code_find_the_incident_it_was_merged_into(world):
    from io import StringIO

    from django.core.management import call_command

    Incident.objects.filter(pk=world["attack"].pk).update(search_text="stale")  # as stored before the upgrade
    Incident.objects.filter(pk=world["bomb"].pk).update(search_text="stale")
    assert found(world["merged"].code) == []
    out = StringIO()
    call_command("reindex_search", "--merge-survivors", stdout=out)
    assert found(world["merged"].code) == [world["attack"].code]
    assert out.getvalue().strip() == "reindexed 1 incidents"
    assert Incident.objects.get(pk=world["bomb"].pk).search_text == "stale"  # not a survivor: left alone


# The exports, the API and the feed take the list's search: each is bounded the same way.
_DATA_ADDRESSES = [
    "/export/incidents.csv?",
    "/export/incidents.json?",
    "/export/incidents.geojson?",
    "/export/incidents.geojson?properties=map&",
    "/api/v1/incidents?",
    "/feeds/incidents.atom?",
]
_TOO_SLOW_AR = "استغرق هذا البحث وقتًا أطول من اللازم فأُوقف: راجع التهجئة أو أزل بعض عوامل التصفية."


@pytest.mark.django_db
@pytest.mark.parametrize("address", _DATA_ADDRESSES)
def test_a_slow_search_in_an_export_the_api_or_the_feed_is_refused_before_any_byte(client, world, monkeypatch, address):
    from django.db import connection

    if connection.vendor != "postgresql":
        pytest.skip("pg_sleep and statement_timeout are PostgreSQL's")
    _slow_search(monkeypatch, fuzzy=False)
    response = client.get(address + "country=IRQ&q=بعقوبة", HTTP_ACCEPT_LANGUAGE="ar")
    assert response.status_code == 503
    assert response.streaming is False
    if address.startswith("/api/"):
        assert response.json() == {"detail": _TOO_SLOW_AR}
    else:
        assert response["Content-Type"] == "text/plain; charset=utf-8"
        assert response.content.decode() == _TOO_SLOW_AR
    with connection.cursor() as cursor:
        cursor.execute("SELECT current_setting('statement_timeout')")
        assert cursor.fetchone() == ("0",)
    # Without words the same filters are not bounded (and not slowed).
    assert client.get(address + "country=IRQ").status_code == 200


@pytest.mark.django_db
@pytest.mark.parametrize("address", _DATA_ADDRESSES)
def test_a_quick_search_in_an_export_the_api_or_the_feed_finds_its_rows(client, world, address):
    response = client.get(address + "country=IRQ&q=بعقوبة")
    assert response.status_code == 200
    body = b"".join(response.streaming_content) if response.streaming else response.content
    assert world["attack"].code in body.decode()
    assert world["clash"].code not in body.decode()


@pytest.mark.django_db
@pytest.mark.parametrize("address", _DATA_ADDRESSES[:3] + _DATA_ADDRESSES[4:5])
def test_a_search_export_reads_a_constant_number_of_queries(client, world, address):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    counts = []
    for words, found in (("بعقوبة", 1), ("مسلح", 2)):
        with CaptureQueriesContext(connection) as queries:
            response = client.get(address + "q=" + words)
            body = (b"".join(response.streaming_content) if response.streaming else response.content).decode()
        assert sum(body.count(world[key].code) > 0 for key in ("attack", "clash")) == found
        counts.append(len(queries))
    assert counts[0] == counts[1]


@pytest.mark.django_db
def test_within_time_narrows_a_search_to_its_few_matches_or_leaves_it_as_it_is(world):
    from django.db import connection

    from incidents import selectors

    queryset = selectors.public_incidents({"q": "مسلح"}).qs
    narrowed = selectors.within_time(queryset, 1_000, rows=5)
    assert list(narrowed.values_list("code", flat=True)) == list(queryset.values_list("code", flat=True))
    assert sorted(narrowed.values_list("code", flat=True)) == sorted([world["attack"].code, world["clash"].code])
    if connection.vendor == "postgresql":
        assert "IN (" in str(narrowed.query) or "= ANY" in str(narrowed.query)
        assert selectors.within_time(queryset, 1_000, rows=2) is queryset  # as many as the probe: frequent
    else:
        assert narrowed is queryset
    assert selectors.within_time(queryset, None, rows=5) is queryset


@pytest.mark.django_db(transaction=True)
def test_a_time_limit_outside_a_transaction_ends_with_its_block():
    from django.db import connection

    from incidents import selectors

    if connection.vendor != "postgresql":
        return
    with connection.cursor() as cursor:
        with selectors.time_limit(1234):
            cursor.execute("SELECT current_setting('statement_timeout')")
            assert cursor.fetchone() == ("1234ms",)
        cursor.execute("SELECT current_setting('statement_timeout')")
        assert cursor.fetchone() == ("0",)
