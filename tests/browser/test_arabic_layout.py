"""The Arabic public site in a browser: a 390 px phone gets the incident list first with the filters
folded behind a button; the offline map draws the region with Arabic names; a rendered page has no English."""

import pytest
from django.contrib.auth import get_user_model
from playwright.sync_api import expect

from tests.english_words import english_words
from tests.incidents.public_data import build_world

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def world():
    User = get_user_model()
    editor = User.objects.create_user(username="محرر", password="pw-arabic-editor-1234")
    reviewer = User.objects.create_superuser(username="مراجع", password="pw-arabic-reviewer-1234")
    return build_world(editor, reviewer)


@pytest.fixture
def phone(browser, live_server):
    context = browser.new_context(locale="ar", viewport={"width": 390, "height": 844}, base_url=live_server.url)
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield page
    context.close()


def test_on_a_phone_the_list_comes_first_and_a_button_opens_the_filters(phone, world):
    phone.goto("/ar/")
    toggle = phone.locator("#filter-panel > summary")
    form = phone.locator(".filter-form")
    first_row = phone.locator(".incident-row").first
    expect(toggle).to_be_visible()
    expect(toggle).to_have_text("التصفية")
    expect(form).to_be_hidden()
    expect(first_row).to_be_in_viewport()
    assert first_row.bounding_box()["y"] < 844 / 2  # the list starts in the top half of the screen
    toggle.click()
    expect(form).to_be_visible()
    phone.select_option("#id_country", "SYR")
    phone.locator(".filter-form button[type=submit]").click()
    phone.wait_for_url("**/ar/?*country=SYR*")
    expect(phone.locator(".incident-row")).to_have_count(1)
    expect(phone.locator("#filter-panel > summary .badge")).to_have_text("1")  # one filter is on


def test_on_a_desktop_the_filters_stay_open_beside_the_list(page, world):
    page.goto("/ar/")
    expect(page.locator("#filter-panel > summary")).to_be_hidden()
    expect(page.locator(".filter-form")).to_be_visible()
    form, row = page.locator(".filter-form").bounding_box(), page.locator(".incident-row").first.bounding_box()
    assert form["x"] > row["x"] + row["width"] - 1  # right of the list: the start side in Arabic


def test_the_offline_map_draws_the_region_with_arabic_names(page, world, settings):
    settings.MARSAD_MAP_TILE_URL = ""
    page.goto("/ar/map/")
    region = page.locator("#incidents-map")
    expect(region).to_have_attribute("data-region-countries", "53")
    expect(region).to_have_attribute("data-loaded", "3")  # the public incidents that have a point
    expect(page.locator(".map-label-country", has_text="العراق")).to_be_visible()
    expect(page.locator(".map-label-country", has_text="مصر")).to_be_visible()
    expect(page.locator(".leaflet-control-zoom-in")).to_have_attribute("title", "تكبير")
    expect(page.locator(".leaflet-control-zoom-out")).to_have_attribute("title", "تصغير")
    expect(page.locator(".leaflet-control-attribution")).to_have_text("Leaflet | Natural Earth")
    page.locator(".leaflet-interactive").first.click()
    popup = page.locator(".leaflet-popup-content .map-popup")
    expect(popup).to_have_attribute("dir", "rtl")
    expect(popup).to_contain_text("قت")  # the count of the killed, in words that agree with it
    assert "killed" not in popup.inner_text()


def test_rendered_arabic_pages_have_no_english(page, world):
    found = []
    for url in ("/ar/", f"/ar/incidents/{world['strike'].code}/", "/ar/stats/", "/ar/no-such-page/"):
        page.goto(url)
        page.wait_for_load_state("networkidle")
        found += [(url, *hit) for hit in english_words(page.content())]
    assert found == []
