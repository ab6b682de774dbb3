"""Anonymous readers share a short-lived rendering of public pages; editors never see a cached one."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext


@pytest.fixture
def caching(settings):
    settings.MARSAD_PUBLIC_CACHE_SECONDS = 30
    cache.clear()
    yield
    cache.clear()


def test_public_page_has_no_csrf_token_and_language_link_keeps_the_query(client, editor, reviewer, make_incident):
    make_incident(editor, publish_by=reviewer)
    html = client.get("/ar/?country=IRQ").content.decode()
    assert "csrfmiddlewaretoken" not in html
    assert 'href="/en/?country=IRQ" hreflang="en"' in html


def test_second_anonymous_request_is_served_from_cache(client, caching, editor, reviewer, make_incident):
    incident = make_incident(editor, publish_by=reviewer)
    first = client.get("/ar/")
    assert incident.title_ar in first.content.decode()
    with CaptureQueriesContext(connection) as queries:
        second = client.get("/ar/")
    assert len(queries) == 0
    assert second.content == first.content


def test_editor_gets_a_fresh_page_with_their_menu(client, caching, editor, reviewer, make_incident):
    make_incident(editor, publish_by=reviewer)
    client.get("/ar/")  # fills the anonymous cache
    client.force_login(editor)
    with CaptureQueriesContext(connection) as queries:
        html = client.get("/ar/").content.decode()
    assert len(queries) > 0
    assert "/ar/desk/" in html


def test_cache_off_by_default_in_tests(client, editor, reviewer, make_incident, settings):
    assert settings.MARSAD_PUBLIC_CACHE_SECONDS == 0
    make_incident(editor, publish_by=reviewer)
    client.get("/ar/")
    with CaptureQueriesContext(connection) as queries:
        client.get("/ar/")
    assert len(queries) > 0


def test_api_total_is_counted_once_while_cached(client, caching, editor, reviewer, make_incident):
    make_incident(editor, publish_by=reviewer)
    assert client.get("/api/v1/incidents").json()["count"] == 1
    with CaptureQueriesContext(connection) as queries:
        again = client.get("/api/v1/incidents").json()
    assert again["count"] == 1
    assert not any("COUNT(" in q["sql"].upper() for q in queries.captured_queries)
