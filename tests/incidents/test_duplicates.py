"""One incident per event across outlets: ACLED's rule finds the incidents a new draft likely repeats."""

import datetime

import pytest
from django.urls import reverse

from annotation.models import Entity
from incidents import duplicates
from incidents.duplicates import Event, distance_km, same_event
from incidents.models import IncidentActor, IncidentSource
from tests.factories import kirkuk_draft

DAY = datetime.date(2024, 11, 22)


def _event(**fields):
    base = {"sub_event_type": "Air/drone strike", "date_start": DAY, "date_end": DAY, "latitude": 35.3, "longitude": 44.1}
    return Event(**(base | fields))


def test_distance_is_great_circle_kilometres():
    # Kirkuk to Baghdad, about 240 km as the crow flies.
    assert 230 < distance_km(35.4681, 44.3922, 33.3152, 44.3661) < 250


@pytest.mark.parametrize(
    ("other", "same"),
    [
        ({}, True),
        ({"date_start": DAY + datetime.timedelta(days=1), "date_end": DAY + datetime.timedelta(days=1)}, True),
        ({"date_start": DAY + datetime.timedelta(days=2), "date_end": DAY + datetime.timedelta(days=2)}, False),
        ({"latitude": 35.45, "longitude": 44.2}, True),  # about 19 km away
        ({"latitude": 35.6, "longitude": 44.1}, False),  # about 33 km away
        ({"sub_event_type": "Armed clash"}, False),
        ({"latitude": None, "longitude": None, "place_id": 7}, False),
        ({"actor_ids": {2}}, True),  # only one side names known actors
    ],
)
def test_acled_rule(other, same):
    assert same_event(_event(), _event(**other)) is same


def test_same_place_without_coordinates_and_actors_that_must_overlap():
    assert same_event(_event(place_id=7, latitude=None), _event(place_id=7, latitude=None, longitude=None))
    assert same_event(_event(actor_ids={1, 2}), _event(actor_ids={2, 3}))
    assert not same_event(_event(actor_ids={1}), _event(actor_ids={3}))


def _recorded(make_incident, editor, **fields):
    base = {
        "sub_event_type": "Air/drone strike",
        "event_type": "Explosions/Remote violence",
        "date_start": DAY,
        "date_end": DAY,
        "latitude": 35.35,
        "longitude": 44.15,
        "admin1": "Kirkuk",
        "place_text": "وادي زغيتون",
    }
    return make_incident(editor, **(base | fields))


def test_likely_duplicates_in_bounded_queries(make_incident, editor, django_assert_num_queries):
    kept = _recorded(make_incident, editor)
    _recorded(make_incident, editor, date_start=DAY - datetime.timedelta(days=5), date_end=DAY - datetime.timedelta(days=5))
    far = _recorded(make_incident, editor, latitude=33.3, longitude=44.4)
    group = Entity.objects.create(name_ar="داعش", type="ORG")
    army = Entity.objects.create(name_ar="الجيش العراقي", type="ORG")
    IncidentActor.objects.create(incident=kept, entity=group, role="actor2")
    IncidentActor.objects.create(incident=far, entity=group, role="actor2")
    with django_assert_num_queries(2):
        found = duplicates.likely_duplicates(_event(actor_ids={group.pk}))
    assert found == [kept]
    assert duplicates.likely_duplicates(_event(actor_ids={army.pk})) == []


def test_queue_duplicates_in_three_queries_whatever_the_queue_length(make_incident, editor, django_assert_num_queries):
    first = _recorded(make_incident, editor)
    second = _recorded(make_incident, editor, date_start=DAY + datetime.timedelta(days=1), date_end=DAY + datetime.timedelta(days=1))
    alone = _recorded(make_incident, editor, sub_event_type="Armed clash", event_type="Battles")
    with django_assert_num_queries(3):
        found = duplicates.duplicates_by_incident([first, second, alone])
    assert found == {first.pk: [second], second.pk: [first]}


def _engine_draft(monkeypatch, body):
    draft = kirkuk_draft(body)
    monkeypatch.setattr("incidents.drafting.engine_drafts", lambda article: [draft])


def test_drafting_offers_to_add_the_article_to_the_same_event(client, editor, make_article, make_incident, monkeypatch):
    from tests.factories import KIRKUK_BODY

    place = Entity.objects.create(name_ar="وادي زغيتون", type="LOC", latitude=35.3, longitude=44.1, country_iso3="IRQ", geo_kind="town")
    recorded = _recorded(make_incident, editor, place=place)
    article = make_article(body=KIRKUK_BODY, source_name="رويترز")
    _engine_draft(monkeypatch, KIRKUK_BODY)
    client.force_login(editor)
    page = client.get(reverse("workflow:create") + f"?article={article.pk}").content.decode()
    assert 'id="same-event-offer"' in page
    assert f'name="code" value="{recorded.code}"' in page
    response = client.post(
        reverse("workflow:attach") + f"?article={article.pk}",
        {"article": article.pk, "code": recorded.code, "quote_start": 0, "quote_end": len(KIRKUK_BODY)},
    )
    assert response.status_code == 302
    assert IncidentSource.objects.filter(incident=recorded, article=article).count() == 1
    # Once the article supports it, the offer is not repeated.
    page = client.get(reverse("workflow:create") + f"?article={article.pk}").content.decode()
    assert 'id="same-event-offer"' not in page


def test_no_offer_for_a_different_event(client, editor, make_article, make_incident, monkeypatch):
    from tests.factories import KIRKUK_BODY

    _recorded(make_incident, editor, sub_event_type="Armed clash", event_type="Battles")
    article = make_article(body=KIRKUK_BODY)
    _engine_draft(monkeypatch, KIRKUK_BODY)
    client.force_login(editor)
    assert 'id="same-event-offer"' not in client.get(reverse("workflow:create") + f"?article={article.pk}").content.decode()


def test_reviewer_sees_possible_duplicates_in_the_queue(client, editor, reviewer, make_incident):
    from incidents import services

    published = _recorded(make_incident, editor, publish_by=reviewer)
    waiting = services.incident_submit(incident=_recorded(make_incident, editor), user=editor)
    client.force_login(reviewer)
    page = client.get(reverse("workflow:queue")).content.decode()
    assert page.count("possible-duplicates") == 1
    assert reverse("workflow:approve", args=[published.pk]) in page
    assert waiting.code in page


def test_offer_for_a_published_incident_is_not_repeated_once_proposed(client, editor, reviewer, make_article, make_incident, monkeypatch):
    from tests.factories import KIRKUK_BODY

    place = Entity.objects.create(name_ar="وادي زغيتون", type="LOC", latitude=35.3, longitude=44.1, country_iso3="IRQ", geo_kind="town")
    recorded = _recorded(make_incident, editor, place=place, publish_by=reviewer)
    article = make_article(body=KIRKUK_BODY, source_name="رويترز")
    _engine_draft(monkeypatch, KIRKUK_BODY)
    client.force_login(editor)
    create = reverse("workflow:create") + f"?article={article.pk}"
    assert f'name="code" value="{recorded.code}"' in client.get(create).content.decode()
    client.post(reverse("workflow:attach") + f"?article={article.pk}", {"article": article.pk, "code": recorded.code})
    assert 'id="same-event-offer"' not in client.get(create).content.decode()


def test_reviewer_sees_possible_duplicates_on_the_incident(client, editor, reviewer, make_incident):
    from incidents import services

    published = _recorded(make_incident, editor, publish_by=reviewer)
    waiting = services.incident_submit(incident=_recorded(make_incident, editor), user=editor)
    client.force_login(reviewer)
    page = client.get(reverse("workflow:approve", args=[waiting.pk])).content.decode()
    assert 'id="possible-duplicates"' in page
    assert reverse("workflow:approve", args=[published.pk]) in page
    alone = services.incident_submit(
        incident=_recorded(make_incident, editor, sub_event_type="Armed clash", event_type="Battles"), user=editor
    )
    assert 'id="possible-duplicates"' not in client.get(reverse("workflow:approve", args=[alone.pk])).content.decode()
