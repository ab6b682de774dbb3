"""CSV (ACLED columns), JSON and GeoJSON exports: exact header, BOM, values, filters, no leaks."""

import csv
import io
import json

import pytest

from incidents.exports import ACLED_COLUMNS, interaction_code
from tests.factories import publish
from tests.incidents.public_data import HIDDEN, LEAK, PUBLIC

pytestmark = pytest.mark.django_db

EXPECTED_HEADER = (
    "event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,actor1,assoc_actor_1,inter1,"
    "actor2,assoc_actor_2,inter2,interaction,civilian_targeting,iso,region,country,admin1,admin2,admin3,location,latitude,"
    "longitude,geo_precision,source,source_scale,notes,fatalities,tags,timestamp"
)


def download(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return response, b"".join(response.streaming_content).decode("utf-8")


def csv_rows(client, url="/export/incidents.csv"):
    _response, text = download(client, url)
    return list(csv.DictReader(io.StringIO(text.removeprefix("\ufeff"))))


def test_csv_is_utf8_with_bom_and_acled_header(client, world):
    response, text = download(client, "/export/incidents.csv")
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="marsad-incidents.csv"'
    assert response.streaming
    assert text.startswith("\ufeff" + EXPECTED_HEADER + "\r\n")
    assert ",".join(ACLED_COLUMNS) == EXPECTED_HEADER


def test_csv_row_values_follow_acled(client, world):
    rows = {row["event_id_cnty"]: row for row in csv_rows(client)}
    attack = rows[world["attack"].code]
    assert attack["event_date"] == "2025-03-13"
    assert attack["year"] == "2025"
    assert attack["time_precision"] == "1"
    assert attack["disorder_type"] == "Political violence"
    assert attack["event_type"] == "Violence against civilians"
    assert attack["sub_event_type"] == "Attack"
    assert attack["actor1"] == "Unidentified gunmen"
    assert attack["inter1"] == "3"
    assert attack["actor2"] == "Civilians"
    assert attack["inter2"] == "7"
    assert attack["interaction"] == "37"
    assert attack["civilian_targeting"] == "Civilian targeting"
    assert attack["iso"] == "368"
    assert attack["region"] == "Middle East"
    assert attack["country"] == "Iraq"
    assert attack["admin1"] == "Diyala"
    assert attack["location"] == "Baquba"
    assert attack["latitude"] == "33.7500"
    assert attack["longitude"] == "44.6400"
    assert attack["geo_precision"] == "1"
    assert attack["source"] == "وكالة الاختبار"
    assert attack["source_scale"] == "National"
    assert attack["notes"] == "Unidentified gunmen killed three civilians in Baquba."
    assert attack["fatalities"] == "3"
    assert attack["tags"] == ""
    assert attack["timestamp"] == str(int(world["attack"].updated_at.timestamp()))

    bomb = rows[world["bomb"].code]
    assert (bomb["inter1"], bomb["inter2"], bomb["interaction"]) == ("2", "1", "12")  # lower code first
    assert bomb["civilian_targeting"] == ""
    assert bomb["notes"] == "انفجرت عبوة ناسفة على طريق في الرمادي."  # Arabic summary when no English one
    assert bomb["tags"] == "confidence=likely"
    strike = rows[world["strike"].code]
    assert (strike["iso"], strike["country"], strike["fatalities"]) == ("760", "Syria", "8")
    assert strike["interaction"] == "80"
    assert rows[world["retracted"].code]["tags"] == "retracted; confidence=likely"
    assert rows[world["clash"].code]["time_precision"] == "3"


def test_interaction_codes():
    assert interaction_code(1, 2) == "12"
    assert interaction_code(7, 3) == "37"
    assert interaction_code(2, "") == "20"
    assert interaction_code("", "") == ""


def test_csv_lists_only_public_incidents(client, world):
    _response, text = download(client, "/export/incidents.csv")
    assert {row["event_id_cnty"] for row in csv_rows(client)} == {world[k].code for k in PUBLIC}
    assert LEAK not in text
    for key in HIDDEN:
        assert world[key].code not in text


def test_csv_honours_the_list_filters(client, world):
    assert [r["event_id_cnty"] for r in csv_rows(client, "/export/incidents.csv?country=SYR")] == [world["strike"].code]
    assert [r["event_id_cnty"] for r in csv_rows(client, "/export/incidents.csv?q=الانبار")] == [world["bomb"].code]
    assert [r["event_id_cnty"] for r in csv_rows(client, "/export/incidents.csv?min_killed=3&sort=-fatalities")] == [
        world["strike"].code,
        world["attack"].code,
    ]


def test_csv_query_count_does_not_grow_with_rows(client, world, editor, reviewer, django_assert_max_num_queries):
    # nothing stored (the test's transaction never commits): one for the incidents, then per chunk of
    # 2,000 one for their stored rows, one for those to build and three for their actors, figures, outlets
    with django_assert_max_num_queries(6):
        download(client, "/export/incidents.csv")
    for n in range(10):
        publish(
            editor,
            reviewer,
            title_ar=f"حادثة {n}",
            event_type="Battles",
            sub_event_type="Armed clash",
            date_start=world["attack"].date_start,
            country="IRQ",
            actors=[(world["actors"]["isis"], "actor1")],
            figures=[("killed", "militants", 1, 1, "")],
        )
    with django_assert_max_num_queries(6):
        _response, text = download(client, "/export/incidents.csv")
    assert text.count("\r\n") == 1 + 15


def test_json_export(client, world):
    response, text = download(client, "/export/incidents.json?country=IRQ")
    assert response["Content-Type"] == "application/json"
    data = json.loads(text)
    codes = [i["code"] for i in data["incidents"]]
    assert codes == [world[k].code for k in ("attack", "clash", "retracted", "bomb")]
    attack = data["incidents"][0]
    assert attack["url"] == f"http://testserver/ar/incidents/{world['attack'].code}/"
    assert attack["actors"][0] == {
        "id": world["actors"]["gunmen"].pk,
        "name_ar": "مسلحون مجهولون",
        "name_en": "Unidentified gunmen",
        "role": "actor1",
        "certainty": "certain",
        "actor_type": "Political militia",
    }
    assert attack["casualties"] == [
        {"category": "killed", "victim_class": "civilians", "min": 3, "max": 4, "qualifier": "", "claimant": "الشرطة المحلية"}
    ]
    assert attack["sources"][0]["quote"] == "قتل مسلحون مجهولون ثلاثة مدنيين في بعقوبة"
    assert data["incidents"][2]["retraction_note"] == "تبين أن الخبر مفبرك"
    assert LEAK not in text


def test_geojson_export(client, world):
    response, text = download(client, "/export/incidents.geojson")
    assert response["Content-Type"] == "application/geo+json"
    data = json.loads(text)
    assert data["type"] == "FeatureCollection"
    features = {f["id"]: f for f in data["features"]}
    assert set(features) == {world[k].code for k in PUBLIC}
    assert features[world["attack"].code]["geometry"] == {"type": "Point", "coordinates": [44.64, 33.75]}
    assert features[world["retracted"].code]["geometry"] is None
    assert LEAK not in text


def test_geojson_limit(client, world):
    _response, text = download(client, "/export/incidents.geojson?limit=2")
    assert len(json.loads(text)["features"]) == 2


def test_data_addresses_have_no_language_prefix(client, world):
    assert client.get("/ar/export/incidents.csv").status_code == 404


def test_map_points_are_light_and_public_only(client, world):
    _response, text = download(client, "/export/incidents.geojson?properties=map&country=IRQ")
    features = json.loads(text)["features"]
    assert [f["id"] for f in features] == [world["attack"].code, world["bomb"].code]  # those with coordinates
    assert features[0]["properties"] == {
        "code": world["attack"].code,
        "title_ar": "هجوم مسلح على مدنيين في بعقوبة",
        "title_en": "Gunmen kill three civilians in Baquba",
        "date_start": "2025-03-13",
        "fatalities": 3,
        "sub_event_type": "Attack",
        "url": f"/ar/incidents/{world['attack'].code}/",
    }
    assert LEAK not in text


def test_json_export_records_match_the_api_detail(client, world):
    _response, text = download(client, "/export/incidents.json")
    for record in json.loads(text)["incidents"]:
        assert client.get(f"/api/v1/incidents/{record['code']}").json() == record


def test_json_export_query_count_does_not_grow_with_rows(client, world, django_assert_max_num_queries):
    # the incidents, then per chunk of 2,000 their stored rows, those to build and their actors, figures
    # and sources (tests/incidents/test_export_rows.py: two queries when every row is stored)
    with django_assert_max_num_queries(6):
        download(client, "/export/incidents.json")


@pytest.mark.parametrize("fmt", ["csv", "json", "geojson"])
def test_exports_searched_by_a_merged_code_hold_the_surviving_incident(client, world, fmt):
    _response, text = download(client, f"/export/incidents.{fmt}?q={world['merged'].code}")
    assert world["attack"].code in text
    assert [code for code in (world[k].code for k in PUBLIC) if code in text] == [world["attack"].code]
