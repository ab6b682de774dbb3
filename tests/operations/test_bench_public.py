"""`manage.py bench_public` generates its data and measures every public page (tiny sizes here)."""

from io import StringIO

import pytest
from django.core.management import call_command

from incidents.models import CasualtyFigure, Incident, IncidentActor, IncidentPage, IncidentSource

pytestmark = pytest.mark.django_db(transaction=True)


def test_bench_public_generates_data_and_prints_every_figure(settings):
    settings.ALLOWED_HOSTS = ["testserver"]
    out = StringIO()
    call_command("bench_public", incidents=300, repeat=2, export_rows=50, stdout=out, stderr=StringIO())
    figures = dict(line.split(" ", 1) for line in out.getvalue().splitlines())
    bench = Incident.objects.filter(code__contains="-B")
    assert bench.count() == 300
    assert IncidentActor.objects.filter(incident__in=bench).count() >= 300
    assert IncidentSource.objects.filter(incident__in=bench).count() >= 300
    assert CasualtyFigure.objects.filter(incident__in=bench).exists()
    pages = ["list_first", "list_deep", "list_facets", "search_common", "search_common_vowelled", "search_rare"]
    pages += ["search_rare_vowelled", "incident_first_view", "incident", "place", "actor", "stats", "api_list"]
    for page in pages:
        for suffix in ("ms_p50", "ms_p95", "db_ms_p50"):
            assert f"{page}_{suffix}" in figures
    for export in ("csv", "json", "geojson"):
        assert figures[f"export_{export}_rows"] == "50 rows"
    assert figures["incidents_public"] == f"{Incident.objects.public().count()} rows"
    assert IncidentPage.objects.filter(incident__in=bench, language="ar").exists()  # stored by the first views
    # The search text is the application's: an incident in Nineveh is found by «نينوى».
    in_nineveh = bench.filter(status="published", admin1="Ninewa").first()
    if in_nineveh is not None:
        from incidents.search import search_filter

        assert search_filter(Incident.objects.public(), "نينوى").filter(pk=in_nineveh.pk).exists()
