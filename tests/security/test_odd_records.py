"""Odd values: the incident form refuses them with a message; whatever is stored, public pages never answer 500.

The stored rows are written straight to the database (as an import, the admin or an old version might have)."""

import datetime

import pytest
from django.urls import reverse
from django.utils import translation

from incidents.models import CasualtyFigure, Incident, IncidentActor
from tests.factories import INCIDENT_DEFAULTS, entity

pytestmark = pytest.mark.django_db


def _url(name, **kwargs):
    with translation.override("en"):
        return reverse(name, kwargs=kwargs)


def _form(**overrides):
    data = {
        "incident-title_ar": "حادثة للاختبار",
        "incident-event_type": INCIDENT_DEFAULTS["event_type"],
        "incident-sub_event_type": INCIDENT_DEFAULTS["sub_event_type"],
        "incident-date_start": "2025-03-13",
        "incident-time_precision": "1",
        "incident-geo_precision": "1",
        "incident-country": "SYR",
        "incident-fatalities": "1",
        "incident-injured": "0",
        "incident-confidence": "likely",
    }
    for prefix in ("actors", "casualties", "sources"):
        data |= {f"{prefix}-TOTAL_FORMS": "0", f"{prefix}-INITIAL_FORMS": "0"}
    return data | {f"incident-{k}": v for k, v in overrides.items()}


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("date_start", "0001-01-01", "before 1900"),
        ("date_start", "1899-12-31", "before 1900"),
        ("date_start", "9999-12-31", "in the future"),
        ("date_end", "9999-12-31", "in the future"),
        ("latitude", "95", "between -90 and 90"),
        ("longitude", "200", "between -180 and 180"),
    ],
)
def test_incident_form_refuses_out_of_range_dates_and_coordinates(client, editor, field, value, message):
    client.force_login(editor)
    extra = {"latitude": "35", "longitude": "40"} if field in ("latitude", "longitude") else {}
    response = client.post(_url("workflow:create"), _form(**(extra | {field: value})))
    assert response.status_code == 200
    assert message in " ".join(response.context["form"].errors.get(field, []))
    assert not Incident.objects.exists()


def test_incident_form_accepts_tomorrow_and_1900(client, editor):
    client.force_login(editor)
    tomorrow = (datetime.date.today() + datetime.timedelta(days=1)).isoformat()
    response = client.post(_url("workflow:create"), _form(date_start="1900-01-01", date_end=tomorrow))
    assert response.status_code == 302


@pytest.fixture
def odd(editor, reviewer, make_incident):
    """Published incidents with values the form refuses, written straight to the database."""
    place = entity("مكان غريب", "Odd place", label="LOC")
    actor = entity("جماعة غريبة", "Odd group", label="ORG")
    rows = []
    for start, end, lat, lon, killed in [
        (datetime.date(1, 1, 1), datetime.date(9999, 12, 31), 95.0, 200.0, 2**31 - 1),
        (datetime.date(9999, 12, 31), datetime.date(9999, 12, 31), -1e308, float("inf"), 0),
        (datetime.date(1, 1, 1), datetime.date(1, 1, 1), float("nan"), -500.0, 7),
    ]:
        incident = make_incident(editor, publish_by=reviewer, country="SYR", place=place, admin1="حلب")
        Incident.objects.filter(pk=incident.pk).update(
            date_start=start, date_end=end, latitude=lat, longitude=lon, fatalities=killed, injured=killed
        )
        IncidentActor.objects.create(incident=incident, entity=actor, role="actor1")
        CasualtyFigure.objects.create(incident=incident, category="killed", min_count=killed, max_count=killed)
        rows.append(incident)
    return {"place": place, "actor": actor, "incidents": rows}


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_public_pages_never_answer_500_whatever_is_stored(client, odd, lang):
    urls = (
        [
            f"/{lang}/",
            f"/{lang}/?sort=killed",
            f"/{lang}/stats/",
            f"/{lang}/map/",
            f"/{lang}/places/{odd['place'].pk}/",
            f"/{lang}/actors/{odd['actor'].pk}/",
            "/export/incidents.csv",
            "/export/incidents.json",
            "/export/incidents.geojson",
            "/feeds/incidents.atom",
            "/api/v1/incidents",
            "/api/v1/places",
            "/api/v1/actors",
        ]
        + [f"/{lang}/incidents/{i.code}/" for i in odd["incidents"]]
        + [f"/api/v1/incidents/{i.code}" for i in odd["incidents"]]
    )
    for url in urls:
        response = client.get(url)
        body = b"".join(response.streaming_content) if response.streaming else response.content
        assert response.status_code == 200, url
        if url.startswith(("/api/", "/export/incidents.json", "/export/incidents.geojson")):
            assert b"Infinity" not in body and b"NaN" not in body, url  # valid JSON for every reader
    geojson = b"".join(client.get("/export/incidents.geojson?properties=map").streaming_content)
    assert b"Infinity" not in geojson and b"NaN" not in geojson and b"200.0" not in geojson


def test_stats_page_stays_small_with_a_two_millennia_span(client, odd):
    response = client.get("/en/stats/")
    assert response.status_code == 200
    assert len(response.content) < 300_000
