"""Public pages: list with filters, incident page, places, actors, stats, map; nothing hidden leaks."""

import datetime

import pytest
from django.urls import reverse

from annotation.models import Entity
from incidents import services
from tests.factories import publish
from tests.incidents.public_data import HIDDEN, LEAK, PUBLIC

pytestmark = pytest.mark.django_db


def listed(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return [i.code for i in response.context["page"].object_list]


def test_list_shows_public_incidents_newest_first(client, world):
    assert listed(client, "/ar/") == [world[k].code for k in ("attack", "clash", "strike", "retracted", "bomb")]


def test_list_filters_stack_and_stay_in_the_url(client, world):
    assert listed(client, "/ar/?country=IRQ&event_type=Battles") == [world["clash"].code, world["retracted"].code]
    assert listed(client, "/ar/?country=SYR") == [world["strike"].code]
    assert listed(client, "/ar/?min_killed=3") == [world["attack"].code, world["strike"].code]
    assert listed(client, "/ar/?date_from=2025-01-01&date_to=2025-02-28") == [world["clash"].code, world["strike"].code]
    assert listed(client, "/ar/?admin1=anbar") == [world["bomb"].code]
    assert listed(client, "/ar/?admin1=الأنبار") == [world["bomb"].code]  # the gazetteer's Arabic name
    assert listed(client, "/ar/?sub_event_type=Air/drone+strike") == [world["strike"].code]
    assert listed(client, "/ar/?confidence=contested") == [world["clash"].code]
    assert listed(client, f"/ar/?actor={world['actors']['isis'].pk}") == [world["clash"].code, world["bomb"].code]
    assert listed(client, f"/ar/?place={world['places']['ramadi'].pk}") == [world["bomb"].code]
    response = client.get("/ar/?country=IRQ&min_killed=1&page=1")
    assert "country=IRQ&amp;min_killed=1" in response.content.decode()  # export links keep the filters


def test_list_sorts(client, world):
    assert listed(client, "/ar/?sort=date") == [world[k].code for k in ("bomb", "retracted", "strike", "clash", "attack")]
    assert listed(client, "/ar/?sort=-fatalities")[:2] == [world["strike"].code, world["attack"].code]


def test_invalid_filter_values_are_ignored(client, world):
    assert len(listed(client, "/ar/?country=XXX&min_killed=abc&date_from=nope&sort=bogus")) == 5


def test_page_size_is_capped(client, world):
    response = client.get("/ar/?page_size=1")
    assert [i.code for i in response.context["page"]] == [world["attack"].code]
    assert response.context["page"].paginator.num_pages == 5
    response = client.get("/ar/?page_size=100000")
    assert response.context["page"].paginator.per_page == 100
    assert client.get("/ar/?page=999").status_code == 200


def test_list_query_count_is_constant_whatever_the_page_size(client, world, editor, reviewer, django_assert_num_queries):
    # count, governorates, the page, its actors (+ session/user lookups: none for anonymous readers)
    with django_assert_num_queries(4):
        client.get("/ar/?page_size=2")
    for n in range(12):
        publish(
            editor,
            reviewer,
            title_ar=f"حادثة {n}",
            event_type="Battles",
            sub_event_type="Armed clash",
            date_start=datetime.date(2023, 1, n + 1),
            country="IRQ",
            place=world["places"]["baquba"],
            actors=[(world["actors"]["isis"], "actor1"), (world["actors"]["army"], "actor2")],
        )
    with django_assert_num_queries(4):
        response = client.get("/ar/?page_size=50")
    assert len(response.context["page"]) == 17


def test_search_in_list(client, world):
    assert listed(client, "/ar/?q=الانبار") == [world["bomb"].code]
    assert listed(client, "/ar/?q=وبغداد") == [world["clash"].code]
    assert listed(client, "/en/?q=strike") == [world["strike"].code]
    assert listed(client, "/ar/?q=طلسم") == []


def test_no_hidden_incident_on_any_page(client, world):
    pages = [
        "/ar/",
        "/en/",
        "/ar/?q=الأنبار",
        "/en/?q=draft",
        "/ar/?admin1=Anbar",
        "/ar/stats/",
        "/ar/map/",
        f"/ar/places/{world['places']['ramadi'].pk}/",
        f"/ar/actors/{world['actors']['gunmen'].pk}/",
    ]
    for url in pages:
        response = client.get(url)
        assert response.status_code == 200, url
        html = response.content.decode()
        assert LEAK not in html, url
        assert "طلسم" not in html, url
        for key in HIDDEN:
            assert world[key].code not in html, url


@pytest.mark.parametrize("key", HIDDEN[:2])
def test_hidden_incident_page_is_404(client, world, key):
    assert client.get(f"/ar/incidents/{world[key].code}/").status_code == 404


def test_merged_incident_keeps_a_page_that_links_to_the_one_it_was_merged_into(client, world):
    response = client.get(f"/ar/incidents/{world['merged'].code}/")
    html = response.content.decode()
    assert response.status_code == 200
    assert f'href="/ar/incidents/{world["attack"].code}/" class="merged-target"' in html
    assert world["merged"].title_ar not in html  # nothing of the merged record itself


def test_incident_page_shows_what_when_where_who_figures_sources(client, world):
    incident = world["attack"]
    response = client.get(f"/ar/incidents/{incident.code}/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "هجوم مسلح على مدنيين في بعقوبة" in html
    assert "13 مارس 2025" in html
    assert "ديالى" in html  # the governorate (stored in English) named in Arabic
    assert "، العراق" in html  # the country in the page's language
    assert "مسلحون مجهولون" in html and "مدنيون" in html
    assert "3–4" in html and "الشرطة المحلية" in html
    assert "وكالة الاختبار" in html and "https://news.example/baquba" in html
    assert "قتل مسلحون مجهولون ثلاثة مدنيين في بعقوبة</blockquote>" in html
    assert f"http://testserver/ar/incidents/{incident.code}/" in html  # citation with the stable address
    assert 'id="map-point"' in html and "33.75" in html
    assert "<script>" not in html  # CSP: no inline script (json_script has a type)


def test_incident_page_in_english(client, world):
    html = client.get(f"/en/incidents/{world['attack'].code}/").content.decode()
    assert '<html lang="en" dir="ltr">' in html
    assert "Gunmen kill three civilians in Baquba" in html
    assert "March 13, 2025" in html or "13 March 2025" in html


def test_month_precision_shows_month_only(client, world):
    html = client.get(f"/en/incidents/{world['clash'].code}/").content.decode()
    assert "February 2025" in html
    assert "Feb. 1, 2025" not in html


def test_corrected_incident_shows_notice_and_history(client, world):
    html = client.get(f"/ar/incidents/{world['strike'].code}/").content.decode()
    assert "correction-notice" in html
    assert html.count("عدد القتلى ثمانية لا سبعة") == 2  # the notice and the history line
    assert 'class="correction"' in html


def test_retracted_incident_stays_visible_with_notice(client, world):
    response = client.get(f"/ar/incidents/{world['retracted'].code}/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "retraction-notice" in html and "تبين أن الخبر مفبرك" in html
    assert "is-retracted" in client.get("/ar/").content.decode()


def test_unprefixed_incident_address_redirects_to_the_language(client, world):
    code = world["attack"].code
    response = client.get(f"/incidents/{code}/")
    assert response.status_code == 302
    assert response["Location"] == f"/ar/incidents/{code}/"
    response = client.get(f"/incidents/{code}/", headers={"accept-language": "en"})
    assert response["Location"] == f"/en/incidents/{code}/"


def test_place_page_lists_its_public_incidents(client, world):
    response = client.get(reverse("incidents:place", kwargs={"pk": world["places"]["ramadi"].pk}))
    assert response.status_code == 200
    assert [i.code for i in response.context["page"]] == [world["bomb"].code]
    assert "<svg" in response.content.decode()


def test_place_without_public_incidents_is_404(client, world):
    assert client.get(f"/ar/places/{world['places']['baquba'].pk + 1000}/").status_code == 404


def test_actor_page_lists_its_public_incidents(client, world):
    response = client.get(f"/ar/actors/{world['actors']['gunmen'].pk}/")
    assert response.status_code == 200
    assert [i.code for i in response.context["page"]] == [world["attack"].code]


def test_actor_known_only_from_a_draft_is_404(client, world, editor):
    from tests.factories import entity

    secret = entity("جماعة طلسمة", "Secret group")
    draft = world["draft"]
    draft.actors.create(entity=secret, role="actor2")
    assert client.get(f"/ar/actors/{secret.pk}/").status_code == 404


def test_stats_page_charts_by_month_type_and_governorate(client, world):
    response = client.get("/ar/stats/")
    html = response.content.decode()
    assert response.status_code == 200
    assert response.context["totals"] == {"incidents": 5, "fatalities": 1 + 2 + 8 + 0 + 3}
    # June 2024 to March 2025: ten months, the empty ones drawn as zero, in two charts
    assert html.count('class="chart-bar"') == 2 * 10
    months = response.context["months"]
    assert [(m.isoformat(), n, killed) for m, n, killed in months[:2]] == [("2024-06-01", 1, 1), ("2024-07-01", 0, 0)]
    assert [(m.isoformat(), n, killed) for m, n, killed in months[-1:]] == [("2025-03-01", 1, 3)]
    assert [b["label"] for b in response.context["by_governorate"]][:2] == ["الأنبار", "بغداد"]  # Baghdad: from the engine's gazetteer
    assert "<script" not in html.split("</main>")[0]


def test_stats_honour_filters(client, world):
    response = client.get("/en/stats/?country=SYR")
    assert response.context["totals"] == {"incidents": 1, "fatalities": 8}


def test_map_page_uses_offline_outline_without_tiles(client, world, settings):
    settings.MARSAD_MAP_TILE_URL = ""
    html = client.get("/ar/map/?country=IRQ").content.decode()
    assert 'data-tiles=""' in html
    assert "data/region.geojson" in html
    assert "/export/incidents.geojson?properties=map&amp;limit=2000&amp;country=IRQ" in html
    assert "vendor/leaflet/leaflet.js" in html


def test_map_page_uses_configured_tiles(client, world, settings):
    settings.MARSAD_MAP_TILE_URL = "https://tiles.example/{z}/{x}/{y}.png"
    assert 'data-tiles="https://tiles.example/{z}/{x}/{y}.png"' in client.get("/ar/map/").content.decode()


def test_nav_links_to_public_sections(client, world):
    html = client.get("/en/").content.decode()
    for url in ("/en/map/", "/en/stats/", "/en/about/#data"):
        assert f'href="{url}"' in html


@pytest.mark.parametrize("key", PUBLIC)
def test_every_public_incident_page_renders(client, world, key):
    assert client.get(f"/en/incidents/{world[key].code}/").status_code == 200


def test_correction_after_publication_keeps_one_history_line_per_correction(client, world, reviewer):
    bomb = world["bomb"]
    bomb = services.incident_update(incident=bomb, user=reviewer, fatalities=2, correction_note="تصحيح أول")
    services.incident_update(incident=bomb, user=reviewer, fatalities=3, correction_note="تصحيح ثان")
    html = client.get(f"/ar/incidents/{bomb.code}/").content.decode()
    assert html.count('class="correction"') == 2


def test_about_page_lists_the_data_addresses(client, world):
    html = client.get("/en/about/").content.decode()
    for address in (
        "/export/incidents.csv",
        "/export/incidents.json",
        "/export/incidents.geojson",
        "/feeds/incidents.atom",
        "/api/v1/openapi.json",
    ):
        assert f'href="{address}"' in html


def test_incident_page_query_count_does_not_grow_with_its_details(client, world, django_assert_num_queries):
    for incident in (world["attack"], world["strike"]):
        # The stored body (none yet); incident+place, actors, figures, sources, history, governorate names;
        # the body stored (savepoint, upsert, release).
        with django_assert_num_queries(10):
            client.get(f"/ar/incidents/{incident.code}/")
        with django_assert_num_queries(1):  # the stored body
            client.get(f"/ar/incidents/{incident.code}/")


def test_large_results_are_counted_up_to_a_cap(client, world, monkeypatch):
    from incidents import selectors

    monkeypatch.setattr(selectors, "COUNT_CAP", 3)
    response = client.get("/en/?page_size=2")
    paginator = response.context["page"].paginator
    assert paginator.capped is True
    assert paginator.num_pages == 2  # three counted rows, two per page
    html = response.content.decode()
    assert "More than 3 incidents" in html and "capped-notice" in html
    monkeypatch.setattr(selectors, "SEARCH_COUNT_CAP", 1)
    assert client.get("/en/?q=in").context["page"].paginator.capped is True


def test_filter_form_keeps_the_chosen_values_in_the_reader_language(client, world):
    html = client.get("/ar/?country=SYR&sub_event_type=Attack&sort=-fatalities").content.decode()
    assert '<option value="SYR" selected>سوريا</option>' in html
    assert '<option value="Attack" selected>' in html
    assert '<option value="-fatalities" selected>' in html
    assert '<option value="SYR" selected>Syria</option>' in client.get("/en/?country=SYR").content.decode()


def test_filter_options_are_kept_per_language_but_chosen_per_request(client, world):
    assert '<option value="SYR" selected>سوريا</option>' in client.get("/ar/?country=SYR").content.decode()
    html = client.get("/ar/?country=IRQ").content.decode()
    assert '<option value="SYR">سوريا</option>' in html
    assert '<option value="IRQ" selected>العراق</option>' in html
    html = client.get("/ar/").content.decode()
    assert '<option value="IRQ">العراق</option>' in html
    assert '<option value="IRQ" selected>' not in html


def test_a_renamed_governorate_is_suggested_by_its_new_name_at_once(client, world):
    assert '<option value="Diyala">ديالى</option>' in client.get("/ar/").content.decode()
    Entity.objects.filter(type="LOC", geo_kind="governorate", name_en="Diyala").update(name_ar="محافظة ديالى")
    html = client.get("/ar/").content.decode()
    assert '<option value="Diyala">محافظة ديالى</option>' in html
    assert '<option value="Diyala">ديالى</option>' not in html


def test_actor_page_counts_each_incident_once_in_one_grouped_read(client, world, editor, reviewer):
    import datetime

    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from tests.factories import entity, publish

    militia = entity("كتيبة الوادي الأخضر", "Green Valley Battalion")
    for day, admin1, killed, roles in [
        (datetime.date(2024, 1, 5), "Ninewa", 2, ["actor1"]),
        (datetime.date(2024, 1, 20), "Kirkuk", 0, ["actor1", "actor2"]),  # named twice: one incident
        (datetime.date(2024, 3, 2), "Ninewa", 5, ["actor2"]),
        (datetime.date(2024, 3, 9), "Kirkuk", 1, ["actor1"]),
        (datetime.date(2024, 3, 30), "", 4, ["actor1"]),
    ]:
        publish(
            editor,
            reviewer,
            title_ar=f"اشتباك عند سد القرية في {day:%d/%m}",
            event_type="Battles",
            sub_event_type="Armed clash",
            date_start=day,
            country="IRQ",
            admin1=admin1,
            fatalities=killed,
            actors=[(militia, role) for role in roles],
        )
    with CaptureQueriesContext(connection) as captured:
        response = client.get(f"/en/actors/{militia.pk}/")
    assert response.status_code == 200
    assert response.context["totals"] == {"incidents": 5, "fatalities": 12}
    assert [(bar["label"], bar["value"]) for bar in response.context["by_governorate"]] == [("Kirkuk", 2), ("Ninewa", 2)]
    assert len(response.context["page"]) == 5
    # The actor, the page's count, rows and actors, and one grouped read for the chart, bars and totals.
    assert len(captured) == 5, [q["sql"] for q in captured]
    from incidents import selectors

    incidents = selectors.incidents_for_actor(militia)
    assert selectors.stats_by_month_and_field(incidents, "admin1", limit=1) == (
        selectors.stats_by_month(incidents),
        selectors.stats_by_field(incidents, "admin1", limit=1),
    )
    assert selectors.stats_by_month(incidents)[:3] == [
        (datetime.date(2024, 1, 1), 2, 2),
        (datetime.date(2024, 2, 1), 0, 0),
        (datetime.date(2024, 3, 1), 3, 10),
    ]
