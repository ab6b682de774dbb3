"""The offline map's region layer (static/data/region.geojson, built by scripts/build_region_map.py from
Natural Earth via world-atlas) and the words map.js writes in Arabic."""

import json
from pathlib import Path

from django.conf import settings

REGION = json.loads((Path(settings.BASE_DIR) / "static" / "data" / "region.geojson").read_text(encoding="utf-8"))
MENA = "DZA BHR EGY IRQ JOR KWT LBN LBY MRT MAR OMN PSE QAT SAU SDN SYR TUN ARE YEM TUR IRN ISR DJI SOM".split()


def test_every_country_of_the_middle_east_and_north_africa_is_drawn_with_its_arabic_name():
    countries = {f["properties"]["iso3"]: f for f in REGION["features"] if f["properties"]["kind"] == "country"}
    assert sorted(set(MENA) - set(countries)) == []
    for iso3 in MENA:
        feature = countries[iso3]
        assert feature["geometry"]["type"] == "MultiPolygon" and feature["geometry"]["coordinates"], iso3
        assert feature["properties"]["region"] is True
    names = {iso3: countries[iso3]["properties"]["name_ar"] for iso3 in ("IRQ", "SYR", "EGY", "MAR", "PSE", "YEM")}
    assert names == {"IRQ": "العراق", "SYR": "سوريا", "EGY": "مصر", "MAR": "المغرب", "PSE": "فلسطين", "YEM": "اليمن"}
    # Neighbours are drawn for context, without a label.
    assert countries["GRC"]["properties"] == {"kind": "country", "iso3": "GRC", "region": False}


def test_governorates_are_named_where_no_open_boundaries_exist():
    governorates = {f["properties"]["name_ar"]: f for f in REGION["features"] if f["properties"]["kind"] == "governorate"}
    assert {"نينوى", "الأنبار", "كركوك", "حلب", "عدن"} <= set(governorates)
    lon, lat = governorates["نينوى"]["geometry"]["coordinates"]
    assert 35 < lat < 37.5 and 41 < lon < 44.5
    assert governorates["نينوى"]["properties"]["minzoom"] == 7


def test_the_map_page_names_the_zoom_buttons_and_counts_in_arabic(client, db, settings):
    settings.MARSAD_MAP_TILE_URL = ""
    html = client.get("/ar/map/").content.decode()
    words = json.loads(html.split('<script id="map-words" type="application/json">')[1].split("</script>")[0])
    assert (words["zoom_in"], words["zoom_out"]) == ("تكبير", "تصغير")
    assert words["killed"] == {
        "zero": "لا قتلى",
        "one": "قتيل واحد",
        "two": "قتيلان",
        "few": "%(n)s قتلى",
        "many": "%(n)s قتيلًا",
        "other": "%(n)s قتيل",
    }
