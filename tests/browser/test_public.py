"""A reader on the public site: filters, searches in Arabic, opens an incident, downloads the CSV."""

import pytest
from django.contrib.auth import get_user_model
from playwright.sync_api import expect

from tests.incidents.public_data import LEAK, build_world

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def world():
    User = get_user_model()
    editor = User.objects.create_user(username="pub-editor", password="pw-pub-editor-1234")
    # A superuser holds the approve permission whatever the role groups look like after a flush.
    reviewer = User.objects.create_superuser(username="pub-reviewer", password="pw-pub-reviewer-1234")
    return build_world(editor, reviewer)


def test_reader_filters_searches_opens_and_downloads(page, world, tmp_path):
    page.goto("/ar/")
    rows = page.locator(".incident-row")
    expect(rows).to_have_count(5)
    expect(page.locator("body")).not_to_contain_text(LEAK)

    # Filter by country: the state is in the URL.
    page.select_option("#id_country", "SYR")
    page.locator(".filter-form button[type=submit]").click()
    page.wait_for_url("**/ar/?*country=SYR*")
    expect(rows).to_have_count(1)
    expect(rows.first).to_contain_text("غارة جوية على إدلب")

    # Search in Arabic as a reader types it (no hamza), from a clean list.
    page.goto("/ar/")
    page.fill("#id_q", "الانبار")
    page.press("#id_q", "Enter")
    page.wait_for_url("**q=*")
    expect(rows).to_have_count(1)
    expect(rows.first).to_contain_text("انفجار عبوة ناسفة في الأنبار")

    # Open the incident: what, where, who, sources, the map pin.
    page.goto("/ar/")
    page.get_by_role("link", name="هجوم مسلح على مدنيين في بعقوبة").click()
    expect(page.locator("h1")).to_have_text("هجوم مسلح على مدنيين في بعقوبة")
    expect(page.locator(".casualty-table")).to_contain_text("الشرطة المحلية")
    expect(page.locator(".source-quote")).to_contain_text("قتل مسلحون مجهولون ثلاثة مدنيين")
    expect(page.locator("#incident-map.leaflet-container")).to_be_visible()
    expect(page.locator("#incident-map path.leaflet-interactive")).to_have_count(1)

    # Download the filtered CSV.
    page.goto("/ar/?country=IRQ&min_killed=1")
    with page.expect_download() as info:
        page.locator("a.export-csv").click()
    download = info.value
    assert download.suggested_filename == "marsad-incidents.csv"
    target = tmp_path / "incidents.csv"
    download.save_as(target)
    raw = target.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbfevent_id_cnty,event_date,year,")
    lines = raw.decode("utf-8-sig").strip().split("\r\n")
    assert [line.split(",")[0] for line in lines[1:]] == [world["attack"].code, world["retracted"].code, world["bomb"].code]


def test_map_shows_incidents_on_the_offline_outline(page, world, settings):
    settings.MARSAD_MAP_TILE_URL = ""
    page.goto("/ar/map/")
    map_box = page.locator("#incidents-map")
    expect(map_box).to_have_attribute("data-loaded", "3")  # three public incidents have coordinates
    expect(page.locator("#incidents-map path.leaflet-interactive")).to_have_count(3)  # the markers
    # and the region: 32 countries of the Middle East and North Africa and 21 neighbours (static/data/region.geojson)
    expect(page.locator("#incidents-map .leaflet-overlay-pane path")).to_have_count(3 + 53)


def test_english_toggle_keeps_the_page(page, world):
    page.goto(f"/ar/incidents/{world['strike'].code}/")
    page.get_by_role("link", name="English").click()
    page.wait_for_url(f"**/en/incidents/{world['strike'].code}/")
    expect(page.locator("h1")).to_have_text("Air strike on Idlib")
    assert page.get_attribute("html", "dir") == "ltr"


def test_map_tooltip_shows_a_title_with_markup_as_text(page, world):
    from incidents.models import Incident

    incident = world["attack"]
    Incident.objects.filter(pk=incident.pk).update(title_ar='<b id="injected">عنوان</b> بعقوبة')
    page.goto(f"/ar/incidents/{incident.code}/")
    page.locator("#incident-map path.leaflet-interactive").hover()
    tooltip = page.locator("#incident-map .leaflet-tooltip")
    expect(tooltip).to_have_text('<b id="injected">عنوان</b> بعقوبة')
    expect(page.locator("#injected")).to_have_count(0)


def test_reader_finds_incidents_by_the_arabic_names_of_governorate_and_country(page, world):
    """Governorates and countries are stored as ACLED's English names; a reader searches them in Arabic."""
    rows = page.locator(".incident-row")
    # «ديالى» is in no title or summary: only the incident's governorate (Diyala) is.
    page.goto("/ar/")
    page.fill("#id_q", "ديالى")
    page.press("#id_q", "Enter")
    page.wait_for_url("**q=*")
    expect(rows).to_have_count(1)
    expect(rows.first).to_contain_text("هجوم مسلح على مدنيين في بعقوبة")
    # «سوريا» is written nowhere in the Syrian incident: its country code is SYR.
    page.goto("/ar/")
    page.fill("#id_q", "سوريا")
    page.press("#id_q", "Enter")
    page.wait_for_url("**q=*")
    expect(rows).to_have_count(1)
    expect(rows.first).to_contain_text("غارة جوية على إدلب")
