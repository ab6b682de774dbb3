"""The stats tallies stay exact through the workflow, and the stats page reads them (both databases)."""

import datetime

import pytest
from django.db.models import Count, Sum
from django.db.models.functions import TruncMonth

from incidents import services
from incidents.models import Incident, PublicTally
from incidents.tallies import tally_rebuild
from tests.factories import publish

pytestmark = pytest.mark.django_db


def scanned():
    """What a scan of the public incidents gives, keyed like the tallies."""
    rows = (
        Incident.objects.public()
        .order_by()
        .annotate(month=TruncMonth("date_start"))
        .values("month", "country", "admin1", "event_type")
        .annotate(n=Count("*"), killed=Sum("fatalities"))
    )
    return {(r["month"], r["country"], r["admin1"], r["event_type"]): (r["n"], r["killed"]) for r in rows}


def tallied():
    return {(t.month, t.country, t.admin1, t.event_type): (t.incidents, t.fatalities) for t in PublicTally.objects.all()}


def test_tallies_follow_publication_correction_retraction_and_merge(world, editor, reviewer):
    assert tallied() == scanned()
    assert sum(n for n, _ in tallied().values()) == 5
    strike = world["strike"]
    # A correction that moves the incident to another month and changes its toll.
    services.incident_update(incident=strike, user=reviewer, fatalities=11, date_start=datetime.date(2024, 11, 3), correction_note="تصحيح")
    assert tallied() == scanned()
    assert tallied()[(datetime.date(2024, 11, 1), "SYR", "Idlib", "Explosions/Remote violence")] == (1, 11)
    assert (datetime.date(2025, 1, 1), "SYR", "Idlib", "Explosions/Remote violence") not in tallied()
    new = publish(
        editor,
        reviewer,
        title_ar="اشتباك جديد في بعقوبة",
        event_type="Battles",
        sub_event_type="Armed clash",
        date_start=datetime.date(2025, 3, 20),
        country="IRQ",
        admin1="Diyala",
        fatalities=4,
    )
    assert tallied() == scanned()
    services.incident_merge(duplicate=new, into=world["attack"], user=reviewer)
    assert tallied() == scanned()
    services.incident_retract(incident=world["bomb"], user=reviewer, note="خطأ")
    assert tallied() == scanned()  # retracted incidents stay public (with their notice)
    Incident.objects.get(pk=world["clash"].pk).delete()
    assert tallied() == scanned()


def test_drafts_are_never_tallied(world, editor):
    before = tallied()
    draft = Incident.objects.get(pk=world["draft"].pk)
    services.incident_update(incident=draft, user=editor, fatalities=99)
    assert tallied() == before


def test_rebuild_gives_the_same_tallies(world):
    before = tallied()
    PublicTally.objects.all().delete()
    tally_rebuild()
    assert tallied() == before == scanned()


def test_stats_page_reads_tallies_when_the_filters_allow(client, world):
    PublicTally.objects.filter(country="SYR").update(incidents=1000)  # a marker: the page must show it
    assert client.get("/en/stats/?country=SYR").context["totals"]["incidents"] == 1000
    assert client.get("/en/stats/?country=SYR&date_from=2020-01-01").context["totals"]["incidents"] == 1  # dates: a scan


def test_stats_page_figures_are_the_same_from_tallies_and_scans(client, world):
    by_tally = client.get("/ar/stats/")
    by_scan = client.get("/ar/stats/?date_from=1900-01-01")
    for key in ("months", "totals", "by_type", "by_governorate"):
        assert by_tally.context[key] == by_scan.context[key], key


def test_stats_page_accepts_the_arabic_governorate_name(client, world):
    assert client.get("/ar/stats/?admin1=الأنبار").context["totals"] == {"incidents": 1, "fatalities": 1}


def test_a_restored_backup_has_the_same_tallies(world, tmp_path):
    from incidents.backup import backup_export, backup_import

    before = tallied()
    path = tmp_path / "backup.jsonl"
    backup_export(path=path)
    assert "incidents.publictally" not in path.read_text(encoding="utf-8").lower()
    backup_import(path=path, replace=True)
    assert tallied() == before == scanned()
