"""The incident pages' stored bodies (incidents.stored_pages): a stored body gives the page a fresh
render gives, and every change to what the page shows is on it at the next view."""

import datetime

import pytest
from django.db.models import F
from django.template.defaultfilters import date as date_filter
from django.utils import timezone, translation

from annotation.models import Entity, Source
from incidents import services, stored_pages
from incidents.models import Incident, IncidentPage, IncidentSource
from tests.incidents.public_data import PUBLIC

pytestmark = pytest.mark.django_db


def page(client, incident, language="ar"):
    response = client.get(f"/{language}/incidents/{incident.code}/")
    assert response.status_code == 200
    return response.content.decode()


@pytest.mark.parametrize("language", ["ar", "en"])
def test_a_stored_body_gives_the_page_a_fresh_render_gives(client, world, language):
    for key in PUBLIC:
        rendered = page(client, world[key], language)
        assert IncidentPage.objects.filter(incident=world[key], language=language).count() == 1
        assert page(client, world[key], language) == rendered


def test_the_address_and_the_day_are_filled_in_per_request(client, world):
    html = page(client, world["attack"])
    with translation.override("ar"):
        today = date_filter(timezone.localdate(), "j F Y")
    assert f'<span dir="ltr">http://testserver/ar/incidents/{world["attack"].code}/</span>' in html
    assert f'<link rel="canonical" href="http://testserver/ar/incidents/{world["attack"].code}/">' in html
    assert today in html
    stored = IncidentPage.objects.get(incident=world["attack"], language="ar").body
    assert "testserver" not in stored
    assert stored.count(stored_pages.PAGE_URL_MARK) == 1
    assert stored.count(stored_pages.TODAY_MARK) >= 1
    html = client.get(f"/ar/incidents/{world['attack'].code}/", HTTP_HOST="127.0.0.1").content.decode()
    assert f'<span dir="ltr">http://127.0.0.1/ar/incidents/{world["attack"].code}/</span>' in html


def test_a_correction_is_on_the_page_at_once(client, world, reviewer):
    assert "هجوم مسلح على مدنيين في بعقوبة" in page(client, world["attack"])
    services.incident_update(incident=world["attack"], user=reviewer, title_ar="هجوم على سوق بعقوبة", correction_note="العنوان")
    html = page(client, world["attack"])
    assert "هجوم على سوق بعقوبة" in html
    assert "هجوم مسلح على مدنيين في بعقوبة" not in html
    assert "correction-notice" in html


def test_a_retraction_is_on_the_page_at_once(client, world, reviewer):
    assert "retraction-notice" not in page(client, world["bomb"])
    services.incident_retract(incident=world["bomb"], user=reviewer, note="خبر لم يتأكد")
    html = page(client, world["bomb"])
    assert "retraction-notice" in html
    assert "خبر لم يتأكد" in html


def test_a_merged_incident_shows_the_notice_not_its_stored_body(client, world, reviewer):
    page(client, world["clash"])
    services.incident_merge(duplicate=world["clash"], into=world["attack"], user=reviewer)
    html = page(client, world["clash"])
    assert "اشتباك مسلح في بغداد" not in html
    assert f'href="/ar/incidents/{world["attack"].code}/"' in html


@pytest.mark.parametrize(
    "rename",
    [
        pytest.param(lambda world: world["places"]["baquba"], id="place"),
        pytest.param(lambda world: world["actors"]["gunmen"], id="actor"),
    ],
)
def test_a_renamed_place_or_actor_is_on_the_page_at_once(client, world, rename):
    page(client, world["attack"])
    entity = rename(world)
    entity.name_ar = "اسم جديد تماما"
    entity.save()
    assert "اسم جديد تماما" in page(client, world["attack"])


def test_a_renamed_governorate_is_on_its_incidents_pages_at_once(client, world):
    page(client, world["attack"])  # in Diyala
    page(client, world["bomb"])  # in Anbar
    diyala = Entity.objects.get(geo_kind="governorate", name_en="Diyala")
    diyala.name_ar = "محافظة ديالى الجديدة"
    diyala.save()
    assert "محافظة ديالى الجديدة" in page(client, world["attack"])
    assert not IncidentPage.objects.filter(incident=world["bomb"]).exists()  # every page: rendered again on its next view


def test_a_renamed_outlet_is_on_the_page_at_once(client, world):
    page(client, world["attack"])
    outlet = Source.objects.get(pk=IncidentSource.objects.filter(incident=world["attack"]).values("article__source")[:1])
    outlet.name = "وكالة باسم جديد"
    outlet.save()
    assert "وكالة باسم جديد" in page(client, world["attack"])


def test_a_body_of_another_version_or_other_templates_is_not_served(client, world):
    page(client, world["attack"])
    # A change that bypassed every hook, but moved the version: the stored body is not served.
    Incident.objects.filter(pk=world["attack"].pk).update(title_ar="عنوان من تحديث مباشر", version=F("version") + 1)
    assert "عنوان من تحديث مباشر" in page(client, world["attack"])
    IncidentPage.objects.filter(incident=world["attack"]).update(stamp="other", body="<p>stale</p>")
    html = page(client, world["attack"])
    assert "stale" not in html
    assert "عنوان من تحديث مباشر" in html


def test_a_hidden_incident_is_never_served_from_a_stored_body(client, world, reviewer):
    page(client, world["strike"])
    Incident.objects.filter(pk=world["strike"].pk).update(status=Incident.Status.DRAFT)  # no hook ran
    assert client.get(f"/ar/incidents/{world['strike'].code}/").status_code == 404


def test_an_old_day_is_not_kept_in_the_stored_body(client, world, monkeypatch):
    page(client, world["attack"], "en")
    monkeypatch.setattr(timezone, "localdate", lambda: datetime.date(2031, 7, 9))
    assert "accessed 9 July 2031" in page(client, world["attack"], "en")
