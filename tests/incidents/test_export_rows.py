"""The exports' stored rows (incidents.stored_rows): the downloads stay byte-identical whether each
row is read as stored or built on the fly, and a row that missed a change is never served."""

import csv
import datetime
import io
import json

import pytest

from incidents import services
from incidents.models import ExportRow, IncidentSource
from incidents.stored_rows import export_rows_rebuild, export_rows_refresh
from tests.factories import entity, publish
from tests.incidents.public_data import PUBLIC, article

pytestmark = pytest.mark.django_db

URLS = (
    "/export/incidents.csv",
    "/export/incidents.csv?country=IRQ&limit=3",
    "/export/incidents.json",
    "/export/incidents.json?event_type=Battles",
    "/export/incidents.geojson",
    "/export/incidents.geojson?limit=2",
)


def body(client, url, **headers):
    response = client.get(url, **headers)
    assert response.status_code == 200
    return b"".join(response.streaming_content)


@pytest.fixture
def awkward(world, editor, reviewer):
    """An incident whose texts need CSV quoting, the formula guard and JSON escapes, with two outlets."""
    band = entity('عصابة "الذئاب"', "Wolves, the =gang", actor_type="Political militia")
    source = article("https://news.example/awkward", "خبر فيه فاصلة، وسطر\nجديد.", outlet='=وكالة "أ"')
    second = article("https://news.example/awkward-2", "خبر ثان عن الحادثة نفسها.", outlet="وكالة ب")
    made = publish(
        editor,
        reviewer,
        title_ar='هجوم "غريب"، على طريق',
        title_en='-1 odd, "quoted" title\twith a tab',
        summary_ar="سطر أول\nسطر ثان، بفاصلة",
        summary_en='=HYPERLINK("x"), then a line\r\nbreak and a backslash \\ and \u2028 separator',
        event_type="Battles",
        sub_event_type="Armed clash",
        date_start=datetime.date(2024, 12, 31),
        country="IRQ",
        admin1="Nineveh",
        place_text="قرب الموصل",
        latitude=36.3456789,
        longitude=43.1234567,
        fatalities=0,
        confidence="likely",
        actors=[(band, "actor1"), (world["actors"]["army"], "actor2"), (world["actors"]["isis"], "assoc1")],
        figures=[("injured", "civilians", 1, 2, "")],
        source=source,
        quote="فاصلة",
    )
    IncidentSource.objects.create(incident=made, article=second)  # a second outlet
    return made


def test_stored_rows_give_byte_identical_downloads(client, world, awkward):
    built = {url: body(client, url) for url in URLS}
    assert not ExportRow.objects.exists()  # the test's transaction never commits: nothing stored yet
    assert export_rows_rebuild() == len(PUBLIC) + 1
    assert ExportRow.objects.count() == len(PUBLIC) + 1
    for url in URLS:
        assert body(client, url) == built[url], url
    # another host: the stored record's address follows the request, not the host that built it
    assert body(client, "/export/incidents.json", HTTP_HOST="127.0.0.1") == built["/export/incidents.json"].replace(
        b"http://testserver/", b"http://127.0.0.1/"
    )
    # some stored, some built, in one chunk
    ExportRow.objects.filter(incident__in=[world["bomb"], awkward]).delete()
    for url in URLS:
        assert body(client, url) == built[url], url


def test_the_awkward_row_is_quoted_and_guarded(client, world, awkward):
    export_rows_rebuild()
    rows = {row["event_id_cnty"]: row for row in csv.DictReader(io.StringIO(body(client, URLS[0]).decode().removeprefix("\ufeff")))}
    row = rows[awkward.code]
    assert row["actor1"] == "Wolves, the =gang"  # starts with a letter: not guarded
    assert row["actor2"] == "Military Forces of Iraq"
    assert row["assoc_actor_1"] == "Islamic State"
    assert row["source"] == '\'=وكالة "أ"; وكالة ب'
    assert row["notes"] == '\'=HYPERLINK("x"), then a line\r\nbreak and a backslash \\ and \u2028 separator'
    assert (row["latitude"], row["longitude"], row["tags"]) == ("36.3457", "43.1235", "confidence=likely")
    record = json.loads(body(client, "/export/incidents.json"))["incidents"]
    mine = next(r for r in record if r["code"] == awkward.code)
    assert mine["url"] == f"http://testserver/ar/incidents/{awkward.code}/"
    assert mine["title_en"] == '-1 odd, "quoted" title\twith a tab'


def test_a_row_of_an_older_version_is_not_served(client, world):
    export_rows_rebuild()
    attack = world["attack"]
    stored = ExportRow.objects.get(incident=attack)
    changed = services.incident_update(incident=attack, user=attack.approved_by, fatalities=5, correction_note="خمسة لا ثلاثة")
    assert ExportRow.objects.get(incident=attack).version == stored.version != changed.version  # not rebuilt yet
    rows = {row["event_id_cnty"]: row for row in csv.DictReader(io.StringIO(body(client, URLS[0]).decode().removeprefix("\ufeff")))}
    assert rows[attack.code]["fatalities"] == "5"
    assert json.loads(body(client, "/export/incidents.json?country=IRQ"))["incidents"][0]["fatalities"] == 5


def test_saving_an_incident_stores_its_row_after_commit(world, django_capture_on_commit_callbacks):
    attack = world["attack"]
    with django_capture_on_commit_callbacks(execute=True):
        changed = services.incident_update(incident=attack, user=attack.approved_by, fatalities=6, correction_note="ستة")
    row = ExportRow.objects.get(incident=attack)
    assert row.version == changed.version
    assert next(csv.reader(io.StringIO(row.csv)))[28] == "6"  # fatalities, the 29th ACLED column
    with django_capture_on_commit_callbacks(execute=True):
        services.incident_retract(incident=changed, user=attack.approved_by, note="خطأ")
    assert next(csv.reader(io.StringIO(ExportRow.objects.get(incident=attack).csv)))[29] == "retracted"  # tags


def test_non_public_incidents_have_no_stored_row(world):
    export_rows_refresh([world[name].pk for name in ("draft", "in_review", "merged", "attack")])
    assert list(ExportRow.objects.values_list("incident_id", flat=True)) == [world["attack"].pk]


def test_renaming_an_actor_or_an_outlet_drops_the_rows_that_name_it(client, world):
    export_rows_rebuild()
    gunmen = world["actors"]["gunmen"]
    gunmen.name_en = "Unknown gunmen"
    gunmen.save()
    assert not ExportRow.objects.filter(incident=world["attack"]).exists()
    assert ExportRow.objects.filter(incident=world["bomb"]).exists()
    rows = {row["event_id_cnty"]: row for row in csv.DictReader(io.StringIO(body(client, URLS[0]).decode().removeprefix("\ufeff")))}
    assert rows[world["attack"].code]["actor1"] == "Unknown gunmen"


def test_stored_downloads_read_twice_per_chunk_whatever_the_rows(client, world, django_assert_num_queries, monkeypatch):
    from incidents import exports

    export_rows_rebuild()
    for url in ("/export/incidents.csv", "/export/incidents.json", "/export/incidents.geojson"):
        with django_assert_num_queries(2):  # the incidents, then their stored rows
            body(client, url)
    monkeypatch.setattr(exports, "CHUNK_SIZE", 2)
    for url in ("/export/incidents.csv", "/export/incidents.json", "/export/incidents.geojson"):
        with django_assert_num_queries(1 + 3):  # five incidents: three chunks of stored rows
            body(client, url)
