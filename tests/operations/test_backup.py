"""export_all / import_all round trip every record losslessly; pg_dump restores into a fresh database."""

import datetime
import gzip
import json
import os
import shutil
import subprocess
import sys
import uuid
from pathlib import Path

import pytest
from django.contrib.auth.models import Group
from django.core import serializers
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection
from django.utils import timezone, translation

from annotation.models import Article, Entity, ImportBatch, Mention, Source
from incidents import services
from incidents.backup import BackupError, backup_export, backup_import, backup_is_empty, backup_models, backup_wipe
from incidents.models import CasualtyFigure, Incident, IncidentActor, IncidentSource

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def newsroom(editor, editor2, reviewer, admin_user, make_article, make_incident):
    """A bit of everything: decided mentions, merged entities, published/retracted/merged/draft incidents."""
    source = Source.objects.create(name="شبكة «الرافدين»", domain="rafidain.example", country="IRQ", reliability_note="موثوق\nعادةً")
    article = make_article(
        body="قُتل 3 مدنيين وأصيب 5 آخرون بانفجار عبوة ناسفة في بعقوبة، بحسب مصدر أمني.",
        title="انفجار في بعقوبة",
        url="https://rafidain.example/a/1?x=ü",
        raw_html="<p>قُتل 3 مدنيين</p>",
        imported_by=editor,
        source_name=source.name,
    )
    batch = ImportBatch.objects.create(
        created_by=editor, filename="feed.csv", report=[{"row": 1, "status": "imported", "note": "نعم"}], total=1
    )
    Article.objects.filter(pk=article.pk).update(import_batch=batch)
    place = Entity.objects.create(
        name_ar="بعقوبة",
        name_en="Baqubah",
        type="LOC",
        aliases=["بعقوبه", "باقوبة"],
        latitude=33.7466,
        longitude=44.6436,
        geo_kind="city",
        country_iso3="IRQ",
        admin1="Diyala",
    )
    dup = Entity.objects.create(name_ar="بعقوبه", type="LOC")
    dup.merged_into = place
    dup.save()
    group = Entity.objects.create(name_ar="داعش", name_en="Islamic State", type="ORG", actor_type="Rebel group")
    start = article.body.index("بعقوبة")
    Mention.objects.create(
        article=article,
        start=start,
        end=start + len("بعقوبة"),
        text="بعقوبة",
        label="LOC",
        entity=place,
        status="accepted",
        origin="lexicon",
        confidence=0.875,
        decided_by=editor,
        decided_at=timezone.now(),
        original={"start": start, "end": start + 3, "label": "ORG"},
    )
    Mention.objects.create(
        article=article,
        start=0,
        end=4,
        text=article.body[:4],
        label="DATE",
        status="rejected",
        reject_reason="ليس تاريخاً",
        origin="model",
        confidence=0.3333333333333333,
    )
    published = make_incident(editor, publish_by=reviewer, place=place, latitude=33.7466, longitude=44.6436, summary_ar="ملخص\nبسطرين")
    IncidentActor.objects.create(incident=published, entity=group, role="actor1", certainty="claimed")
    CasualtyFigure.objects.create(
        incident=published,
        category="killed",
        victim_class="civilians",
        min_count=3,
        max_count=4,
        qualifier="على الأقل",
        raw_phrase="قُتل 3 مدنيين",
        claimant="مصدر أمني",
        article=article,
    )
    IncidentSource.objects.create(incident=published, article=article, quote_start=0, quote_end=14, quote=article.body[:14])
    published = services.incident_update(incident=published, user=reviewer, fatalities=4, correction_note="تصحيح العدد")
    retracted = make_incident(editor2, publish_by=reviewer, title_ar="حادث سُحب", date_start=datetime.date(2024, 12, 31))
    services.incident_retract(incident=retracted, user=reviewer, note="تبيّن أنه مكرر")
    duplicate = make_incident(editor2, title_ar="مكرر")
    services.incident_merge(duplicate=duplicate, into=published, user=admin_user)
    make_incident(editor, title_ar='"><img src=x onerror=alert(1)>', country="SYR", date_start=datetime.date(2025, 1, 2))
    return published


def snapshot():
    """Every field of every record a backup holds, as Django serialises them (pks included)."""
    result = {}
    for model in backup_models():
        rows = serializers.serialize("python", model._default_manager.order_by("pk"), use_natural_foreign_keys=model is Group)
        result[model._meta.label] = rows
    return result


def test_backup_covers_every_model_of_both_apps():
    labels = {m._meta.label for m in backup_models()}
    for label in [
        "auth.User", "auth.Group", "annotation.Source", "annotation.Article", "annotation.Entity", "annotation.Mention",
        "annotation.ImportBatch", "annotation.HistoricalMention", "annotation.HistoricalEntity", "incidents.Incident",
        "incidents.IncidentActor", "incidents.CasualtyFigure", "incidents.IncidentSource", "incidents.CodeSequence",
        "incidents.HistoricalIncident",
    ]:  # fmt: skip
        assert label in labels


@pytest.mark.django_db
def test_round_trip_is_lossless(newsroom, tmp_path):
    before = snapshot()
    assert len(before["incidents.Incident"]) == 4
    assert len(before["incidents.HistoricalIncident"]) >= 10
    assert len(before["annotation.Mention"]) == 2
    path = tmp_path / "backup.jsonl.gz"
    counts = backup_export(path=path)
    assert counts["incidents.Incident"] == 4
    assert counts["auth.User"] == 4

    backup_wipe()
    assert backup_is_empty()
    assert Incident.objects.count() == 0 and Article.objects.count() == 0

    imported = backup_import(path=path)
    assert imported == counts
    after = snapshot()
    for label in before:
        assert after[label] == before[label], label

    # Sequences follow the imported keys and codes: new records do not collide.
    from django.contrib.auth import get_user_model

    user = get_user_model().objects.get(username="editor1")
    assert user.check_password("pw-editor1-1234")
    new = services.incident_create(
        created_by=user,
        title_ar="جديد",
        event_type="Battles",
        sub_event_type="Armed clash",
        date_start=datetime.date(2025, 3, 1),
        country="IRQ",
    )
    assert new.pk > max(row["pk"] for row in before["incidents.Incident"])
    assert new.code == "IRQ-2025-00003"
    assert Mention.objects.create(article=Article.objects.get(), start=5, end=6, text=Article.objects.get().body[5:6], label="PER").pk > 2


@pytest.fixture
def english():
    with translation.override("en"):  # messages checked in English (Arabic is the default language)
        yield


@pytest.mark.django_db
def test_import_refuses_a_database_that_is_not_empty(newsroom, tmp_path, english):
    path = tmp_path / "backup.jsonl"
    backup_export(path=path)
    with pytest.raises(BackupError, match="not empty"):
        backup_import(path=path)
    with pytest.raises(CommandError, match="not empty"):
        call_command("import_all", str(path))
    # --replace wipes and loads.
    before = snapshot()
    call_command("import_all", str(path), "--replace", stdout=open(os.devnull, "w"))
    assert snapshot() == before


@pytest.mark.django_db
def test_import_is_all_or_nothing(newsroom, tmp_path):
    path = tmp_path / "backup.jsonl"
    backup_export(path=path)
    lines = path.read_text(encoding="utf-8").splitlines()
    # Corrupt the last line: a mention past the end of its article.
    row = json.loads(lines[-1])
    broken = {
        "model": "annotation.mention",
        "pk": 999,
        "fields": {
            "article": 999999,
            "start": 1,
            "end": 2,
            "article_length": 5,
            "text": "x",
            "label": "PER",
            "status": "suggested",
            "origin": "rules",
            "confidence": 1.0,
            "reject_reason": "",
            "original": {},
            "entity": None,
            "decided_by": None,
            "decided_at": None,
            "created_at": "2025-01-01T00:00:00+00:00",
        },
    }
    path.write_text("\n".join([*lines, json.dumps(broken)]) + "\n", encoding="utf-8")
    assert row
    backup_wipe()
    with pytest.raises(BackupError):
        backup_import(path=path)
    assert backup_is_empty()


@pytest.mark.django_db
def test_import_refuses_other_files(tmp_path, english):
    garbage = tmp_path / "x.jsonl"
    garbage.write_text("id,title\n1,x\n", encoding="utf-8")
    with pytest.raises(BackupError, match="not a Marsad backup"):
        backup_import(path=garbage)
    future = tmp_path / "future.jsonl"
    future.write_text(json.dumps({"format": "marsad-backup", "version": 99, "counts": {}}) + "\n", encoding="utf-8")
    with pytest.raises(BackupError, match="Unsupported backup version 99"):
        backup_import(path=future)
    with pytest.raises(CommandError):
        call_command("import_all", str(tmp_path / "missing.jsonl"))


def _manage(*args, env):
    result = subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    return result


def _rows(path):
    with gzip.open(path, "rt", encoding="utf-8") as f:
        return f.read().splitlines()[1:]  # the header holds the export time


@pytest.mark.django_db
def test_import_into_a_fresh_database_through_the_commands(newsroom, tmp_path):
    """export_all here; migrate + import_all + export_all in a brand-new SQLite database: identical records."""
    path = tmp_path / "backup.jsonl.gz"
    call_command("export_all", str(path), stdout=open(os.devnull, "w"))
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL",)}
    env |= {"DATABASE_URL": f"sqlite:///{tmp_path / 'fresh.sqlite3'}", "LOG_LEVEL": "WARNING"}
    _manage("migrate", "--noinput", "-v0", env=env)
    out = _manage("import_all", str(path), env=env)
    assert "imported" in out.stdout
    _manage("export_all", str(tmp_path / "again.jsonl.gz"), env=env)
    assert _rows(tmp_path / "again.jsonl.gz") == _rows(path)


def _pg_ready():
    return connection.vendor == "postgresql" and shutil.which("pg_dump") and shutil.which("pg_restore") and shutil.which("createdb")


@pytest.mark.postgres
@pytest.mark.django_db
def test_pg_dump_restores_into_a_fresh_database(tmp_path):
    """The documented backup (pg_dump -Fc) restored with pg_restore into a new database holds the same rows."""
    if not _pg_ready():
        pytest.skip("needs PostgreSQL and pg_dump/pg_restore on PATH")
    s = connection.settings_dict
    pg_env = {**os.environ, "PGHOST": s["HOST"] or "127.0.0.1", "PGPORT": str(s["PORT"] or 5432), "PGUSER": s["USER"] or "postgres"}
    if s.get("PASSWORD"):
        pg_env["PGPASSWORD"] = s["PASSWORD"]
    suffix = uuid.uuid4().hex[:8]
    source_db, restore_db = f"marsad_backup_src_{suffix}", f"marsad_restore_test_{suffix}"
    url = f"postgres://{pg_env['PGUSER']}{':' + s['PASSWORD'] if s.get('PASSWORD') else ''}@{pg_env['PGHOST']}:{pg_env['PGPORT']}/"
    app_env = {k: v for k, v in pg_env.items() if k not in ("MARSAD_TESTING",)} | {
        "LOG_LEVEL": "WARNING",
        "MARSAD_DATA_DIR": str(tmp_path),
        "DJANGO_SETTINGS_MODULE": "config.settings",
    }
    try:
        subprocess.run(["createdb", source_db], env=pg_env, check=True)
        _manage("migrate", "--noinput", "-v0", env=app_env | {"DATABASE_URL": url + source_db})
        _manage("load_demo", env=app_env | {"DATABASE_URL": url + source_db})
        dump = tmp_path / "marsad.dump"
        subprocess.run(["pg_dump", "--format=custom", "--no-owner", f"--file={dump}", source_db], env=pg_env, check=True)
        subprocess.run(["createdb", restore_db], env=pg_env, check=True)
        subprocess.run(["pg_restore", "--no-owner", "--exit-on-error", f"--dbname={restore_db}", str(dump)], env=pg_env, check=True)

        counts = {}
        for db in (source_db, restore_db):
            query = (
                "select string_agg(format('%s=%s', table_name, (xpath('/row/c/text()', query_to_xml(format('select count(*) as c from %I', table_name), false, true, '')))[1]::text), ' ' order by table_name)"
                " from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'"
            )
            out = subprocess.run(
                ["psql", "-At", "-d", db, "-c", query], env=pg_env, check=True, capture_output=True, text=True
            ).stdout.strip()
            counts[db] = dict(item.split("=") for item in out.split())
        assert counts[restore_db] == counts[source_db]
        assert int(counts[restore_db]["incidents_incident"]) >= 10
        assert int(counts[restore_db]["annotation_entity"]) > 100
        # The restored database serves the application: migrations applied, the same logical backup.
        restored_env = app_env | {"DATABASE_URL": url + restore_db}
        _manage("migrate", "--check", env=restored_env)
        _manage("export_all", str(tmp_path / "restored.jsonl.gz"), env=restored_env)
        _manage("export_all", str(tmp_path / "source.jsonl.gz"), env=app_env | {"DATABASE_URL": url + source_db})
        assert _rows(tmp_path / "restored.jsonl.gz") == _rows(tmp_path / "source.jsonl.gz")
    finally:
        for db in (restore_db, source_db):
            subprocess.run(["dropdb", "--if-exists", db], env=pg_env, check=False)
