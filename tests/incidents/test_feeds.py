"""The Atom feed: newly published and corrected incidents, filterable, never drafts."""

import pytest

from tests.incidents.public_data import HIDDEN, LEAK

pytestmark = pytest.mark.django_db


def feed(client, url="/feeds/incidents.atom"):
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    return response.content.decode()


def test_feed_lists_public_incidents_most_recently_changed_first(client, world):
    xml = feed(client)
    assert 'xmlns="http://www.w3.org/2005/Atom"' in xml
    assert xml.count("<entry>") == 5
    # the merge into the attack was the last public change, then the retraction, then the correction
    first, second, third = xml.split("<entry>")[1:4]
    assert f"<id>{world['attack'].code}</id>" in first
    assert "مصحّحة" in first  # a merge is announced as a correction of the incident that absorbed the duplicate
    assert f"<id>{world['retracted'].code}</id>" in second
    assert "تبين أن الخبر مفبرك" in second  # the retraction notice travels with the entry
    assert f"<id>{world['strike'].code}</id>" in third


def test_feed_marks_corrections(client, world):
    xml = feed(client, "/feeds/incidents.atom?country=SYR")
    assert xml.count("<entry>") == 1
    assert "عدد القتلى ثمانية لا سبعة" in xml
    assert f"<id>{world['strike'].code}</id>" in xml
    assert f"/incidents/{world['strike'].code}/" in xml


def test_feed_takes_the_list_filters(client, world):
    xml = feed(client, "/feeds/incidents.atom?q=الانبار")
    assert xml.count("<entry>") == 1 and world["bomb"].code in xml
    assert "?q=" in xml  # the feed's link points at the same filtered list


def test_feed_never_shows_hidden_incidents(client, world):
    xml = feed(client)
    assert LEAK not in xml
    for key in HIDDEN:
        assert world[key].code not in xml


def test_feed_query_count_is_constant(client, world, django_assert_num_queries):
    with django_assert_num_queries(1):
        feed(client)
