"""The read-only JSON API under /api/v1/ (django-ninja): list, detail, places, actors, schema."""

import pytest

from tests.incidents.public_data import HIDDEN, LEAK

pytestmark = pytest.mark.django_db


def test_list_paginates_public_incidents(client, world):
    data = client.get("/api/v1/incidents?page_size=2").json()
    assert data["count"] == 5
    assert [i["code"] for i in data["results"]] == [world["attack"].code, world["clash"].code]
    assert data["next"] == "http://testserver/api/v1/incidents?page_size=2&page=2"
    assert data["previous"] is None
    last = client.get("/api/v1/incidents?page_size=2&page=3").json()
    assert [i["code"] for i in last["results"]] == [world["bomb"].code]
    assert last["next"] is None


def test_list_takes_the_list_filters(client, world):
    data = client.get("/api/v1/incidents", {"country": "IRQ", "min_killed": 2}).json()
    assert [i["code"] for i in data["results"]] == [world["attack"].code, world["retracted"].code]
    data = client.get("/api/v1/incidents", {"q": "وبغداد"}).json()
    assert [i["code"] for i in data["results"]] == [world["clash"].code]


def test_page_size_is_capped(client, world):
    assert client.get("/api/v1/incidents?page_size=5000").json()["page_size"] == 100


def test_detail_by_code(client, world):
    response = client.get(f"/api/v1/incidents/{world['strike'].code}")
    assert response.status_code == 200
    data = response.json()
    assert data["fatalities"] == 8
    assert data["correction_note"] == "عدد القتلى ثمانية لا سبعة"
    assert data["place"]["name_en"] == "Idlib"
    assert data["disorder_type"] == "Political violence"


@pytest.mark.parametrize("key", HIDDEN[:2])
def test_hidden_incidents_are_404(client, world, key):
    assert client.get(f"/api/v1/incidents/{world[key].code}").status_code == 404


def test_merged_incident_code_redirects_to_the_target(client, world):
    response = client.get(f"/api/v1/incidents/{world['merged'].code}")
    assert (response.status_code, response["Location"]) == (302, f"/api/v1/incidents/{world['attack'].code}")
    assert world["merged"].title_ar not in response.content.decode()


def test_list_never_shows_hidden_incidents(client, world):
    text = client.get("/api/v1/incidents?page_size=100").content.decode()
    assert LEAK not in text
    for key in HIDDEN:
        assert world[key].code not in text


def test_places_count_only_public_incidents(client, world):
    data = client.get("/api/v1/places").json()
    counts = {p["name_en"]: p["incident_count"] for p in data["results"]}
    assert counts == {"Baquba": 1, "Ramadi": 1, "Baghdad": 1, "Idlib": 1}  # Ramadi's draft is not counted


def test_actors_count_only_public_incidents(client, world):
    data = client.get("/api/v1/actors").json()
    counts = {a["name_en"]: a["incident_count"] for a in data["results"]}
    assert counts == {
        "Islamic State": 2,
        "Military Forces of Iraq": 2,
        "Unidentified gunmen": 1,  # its draft is not counted
        "Civilians": 1,
        "Russian Air Force": 1,
    }


def test_openapi_schema(client, world):
    response = client.get("/api/v1/openapi.json")
    assert response.status_code == 200
    schema = response.json()
    assert set(schema["paths"]) == {"/api/v1/incidents", "/api/v1/incidents/{code}", "/api/v1/places", "/api/v1/actors"}
    params = {p["name"] for p in schema["paths"]["/api/v1/incidents"]["get"]["parameters"]}
    assert {"q", "country", "admin1", "event_type", "actor", "min_killed", "page", "page_size"} <= params


def test_api_is_read_only(client, world):
    assert client.post("/api/v1/incidents", {}).status_code == 405


def test_list_query_count_is_constant_whatever_the_page_size(client, world, django_assert_num_queries):
    # The count, the page of incidents, then their actors, figures and sources: five queries.
    with django_assert_num_queries(5):
        assert len(client.get("/api/v1/incidents?page_size=1").json()["results"]) == 1
    with django_assert_num_queries(5):
        assert len(client.get("/api/v1/incidents?page_size=100").json()["results"]) == 5


def test_list_parameters_are_the_filtersets(client, world):
    from incidents.filters import IncidentFilter

    schema = client.get("/api/v1/openapi.json").json()
    params = {p["name"] for p in schema["paths"]["/api/v1/incidents"]["get"]["parameters"]}
    assert params == set(IncidentFilter.base_filters) | {"page", "page_size", "after"}


def test_detail_matches_the_list_record(client, world):
    code = world["attack"].code
    listed = next(i for i in client.get("/api/v1/incidents").json()["results"] if i["code"] == code)
    assert client.get(f"/api/v1/incidents/{code}").json() == listed


def test_list_total_comes_from_the_tallies_when_the_filters_allow(client, world):
    from incidents.models import PublicTally

    PublicTally.objects.filter(country="SYR").update(incidents=40)  # a marker: the total must be read from here
    assert client.get("/api/v1/incidents?country=SYR").json()["count"] == 40
    assert client.get("/api/v1/incidents?country=SYR&min_killed=0").json()["count"] == 1  # min_killed: counted
    assert client.get("/api/v1/incidents").json()["count"] == 5 - 1 + 40


def _codes_by_pages(client, url):
    codes, pages = [], 0
    while url:
        data = client.get(url).json()
        codes += [i["code"] for i in data["results"]]
        url, pages = data["next"], pages + 1
    return codes, pages


@pytest.mark.parametrize("sort", ["-date", "date", "-fatalities", "-updated"])
def test_after_cursor_reads_the_same_sequence_as_the_numbered_pages(client, world, sort):
    from incidents.api import _cursor
    from incidents.exports import RECORD_FIELDS
    from incidents.selectors import public_incidents

    numbered, _pages = _codes_by_pages(client, f"/api/v1/incidents?page_size=2&sort={sort}")
    queryset = public_incidents({"sort": sort}).qs
    first = queryset.values(*RECORD_FIELDS)[0]
    data = client.get("/api/v1/incidents", {"sort": sort, "page_size": 2, "after": _cursor(list(queryset.query.order_by), first)}).json()
    assert data["page"] is None and data["previous"] is None
    assert data["count"] == 5 and data["count_exact"] is True
    assert "after=" in data["next"] and "page=" not in data["next"]
    by_position, pages = _codes_by_pages(client, data["next"])
    assert numbered[:3] + by_position == numbered  # the cursor's pages continue where the first two rows end
    assert [i["code"] for i in data["results"]] == numbered[1:3]
    assert pages == 2  # rows four and five, then an empty page (a full page always links on)


def test_a_cursor_for_another_order_or_made_up_is_refused(client, world):
    from incidents.api import _cursor
    from incidents.exports import RECORD_FIELDS
    from incidents.selectors import public_incidents

    queryset = public_incidents({}).qs
    cursor = _cursor(list(queryset.query.order_by), queryset.values(*RECORD_FIELDS)[0])
    assert client.get(f"/api/v1/incidents?after={cursor}&sort=-fatalities").status_code == 400
    for made_up in ("xyz", "W10", "WyJkYXRlIl0"):
        response = client.get(f"/api/v1/incidents?after={made_up}")
        assert response.status_code == 400
        assert response.json() == {"detail": "Invalid ?after= cursor: use the one in the previous response's next link."}


def test_a_search_count_is_capped_and_the_pages_go_on_by_position(client, world, monkeypatch):
    from incidents import selectors

    monkeypatch.setattr(selectors, "COUNT_CAP", 1)
    data = client.get("/api/v1/incidents", {"q": "مسلح", "page_size": 1}).json()
    assert (data["count"], data["count_exact"]) == (1, False)
    assert [i["code"] for i in data["results"]] == [world["attack"].code]
    second = client.get(data["next"]).json()
    assert [i["code"] for i in second["results"]] == [world["clash"].code]
    assert client.get(second["next"]).json()["results"] == []  # full page, so linked; then nothing
    exact = client.get("/api/v1/incidents", {"q": "بعقوبة"}).json()
    assert (exact["count"], exact["count_exact"], exact["next"]) == (1, True, None)


def test_list_searched_by_a_merged_code_finds_the_surviving_incident(client, world):
    data = client.get("/api/v1/incidents", {"q": world["merged"].code}).json()
    assert [i["code"] for i in data["results"]] == [world["attack"].code]


def test_a_code_merged_twice_redirects_to_the_last_survivor(client, world, reviewer):
    from incidents import services

    services.incident_merge(duplicate=world["attack"], into=world["bomb"], user=reviewer)
    for old in ("merged", "attack"):
        response = client.get(f"/api/v1/incidents/{world[old].code}")
        assert (response.status_code, response["Location"]) == (302, f"/api/v1/incidents/{world['bomb'].code}")
        data = client.get("/api/v1/incidents", {"q": world[old].code}).json()
        assert [i["code"] for i in data["results"]] == [world["bomb"].code]
