"""The public list's commonest filters are answered from their partial indexes (PostgreSQL)."""

import hashlib

import pytest
from django.db import connection

from incidents import rows, selectors
from incidents.models import Incident

pytestmark = pytest.mark.django_db


def _plan(queryset):
    sql, params = queryset.query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")  # a test database is too small for the planner to prefer an index
        cursor.execute("EXPLAIN " + sql, params)
        return "\n".join(row[0] for row in cursor.fetchall())


@pytest.fixture
def postgres_only():
    if connection.vendor != "postgresql":
        pytest.skip("partial and expression indexes are measured on PostgreSQL")


@pytest.mark.parametrize("admin1", ["anbar", "الأنبار"])
def test_the_governorate_filter_reads_its_index(postgres_only, world, admin1):
    qs = selectors.public_incidents({"admin1": admin1}).qs
    assert [row.code for row in rows.read(qs)] == [world["bomb"].code]
    plan = _plan(selectors.list_rows(qs))
    assert "SubPlan" not in plan  # no name looked up row by row (the Arabic name is resolved before the query)
    # the condition is the indexed expression, so the index can serve it
    assert "upper((admin1)::text) = 'ANBAR'::text" in plan
    if admin1 == "anbar":  # one name: the index is searched by it, in date order
        assert "Index Cond: (upper((admin1)::text) = 'ANBAR'::text)" in plan
        assert "incident_public_admin1_upper" in plan or "incident_public_admin1_facets" in plan
    # Two names (the Arabic one and its English key) are an OR: on these few rows PostgreSQL may as well walk the
    # date index and filter, whatever the run before left in the statistics, so which index it picks is not asserted
    # here; at 100k and 1M it reads incident_public_admin1_upper (docs/scaling.md has the plans).


def test_a_place_page_and_the_country_facet_read_theirs(postgres_only, world):
    place = selectors.incidents_for_place(world["places"]["ramadi"]).order_by("-date_start", "-id")[:25]
    plan = _plan(place)
    # On these few rows the planner may read the place's foreign-key index as well as incident_public_place (it
    # did, once in a few runs, after the latter took INCLUDE (fatalities)); either reads the place's rows from an
    # index. At 100k and 1M the page reads incident_public_place (docs/scaling.md).
    assert "Seq Scan" not in plan
    assert "incident_public_place" in plan or "incidents_incident_place_id" in plan
    facet = selectors.public_incidents({"country": "IRQ", "event_type": "Battles"}).qs[:25]
    assert "incident_public_country_type" in _plan(facet)


def test_the_search_vector_keeps_finer_statistics(postgres_only):
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT attstattarget FROM pg_attribute WHERE attrelid = 'incidents_incident'::regclass AND attname = 'search_vector'"
        )
        assert cursor.fetchone()[0] == 1000


def test_the_covering_index_carries_what_the_actor_page_groups(postgres_only):
    # On these few rows the planner reads the table whatever the indexes; the plans at 100k and 1M,
    # where the actor page reads this index only, are in docs/scaling.md.
    with connection.cursor() as cursor:
        cursor.execute("SELECT indexdef FROM pg_indexes WHERE indexname = 'incident_public_cover'")
        definition = cursor.fetchone()[0]
    assert "(id) INCLUDE (date_start, admin1, fatalities)" in definition
    assert "WHERE ((status)::text = ANY" in definition and "published" in definition and "retracted" in definition


def test_an_incident_row_keeps_its_search_vector_in_the_table(postgres_only, world):
    # A search tests each candidate row's vector: kept in the row, it is read with the row's page, not fetched from
    # TOAST (3-4 more pages a row; docs/scaling.md). A row of ~5 kB, over the default 2 kB, that compression does
    # not bring under it: 240 words of hexadecimal digits from a hash.
    words = " ".join(hashlib.sha256(str(n).encode()).hexdigest()[:10] for n in range(240))
    Incident.objects.filter(pk=world["bomb"].pk).update(search_text=words)
    with connection.cursor() as cursor:
        cursor.execute("SELECT reloptions, reltoastrelid::regclass::text FROM pg_class WHERE relname = 'incidents_incident'")
        options, toast = cursor.fetchone()
        cursor.execute(
            "SELECT pg_column_size(search_text) + pg_column_size(search_vector) FROM incidents_incident WHERE id = %s", [world["bomb"].pk]
        )
        stored = cursor.fetchone()[0]
        cursor.execute(f"SELECT count(*) FROM {toast}")  # the table's own TOAST relation
        moved_out = cursor.fetchone()[0]
    assert options == ["toast_tuple_target=8160"]
    assert stored > 4000  # longer than a row may be by default
    assert moved_out == 0
