"""Logical backup: every record of the newsroom as JSON Lines, restorable into an empty database.

`export_all` writes a header line then one object per line (Django's serialised form, stable primary
keys): users (with their groups and permissions by natural key), groups, and every model of the
`annotation` and `incidents` apps — sources, articles, import batches, entities, mentions,
incidents, actors, casualty figures, incident sources, code sequences and the change history.
`import_all` loads such a file into an empty database in one transaction, resets the primary key
sequences and checks the counts. For a whole-database copy use pg_dump (docs/deploy.md).
"""

import datetime
import gzip
import io
import json

from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core import serializers
from django.core.management.color import no_style
from django.core.serializers.json import DjangoJSONEncoder
from django.db import DEFAULT_DB_ALIAS, connections, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

FORMAT = "marsad-backup"
FORMAT_VERSION = 1
APPS = ("annotation", "incidents")


class _Encoder(DjangoJSONEncoder):
    """DjangoJSONEncoder, but datetimes and times keep their microseconds (it rounds to milliseconds)."""

    def default(self, o):
        if isinstance(o, datetime.datetime | datetime.time):
            return o.isoformat()
        return super().default(o)


class BackupError(Exception):
    """The file is not a Marsad backup, the database is not empty, or the counts do not match."""


# Derived rows, recounted or rebuilt from the incidents as they load (incidents.tallies,
# incidents.stored_rows) or rendered again on their next view (incidents.stored_pages): not records to keep.
DERIVED = frozenset({"incidents.PublicTally", "incidents.ExportRow", "incidents.IncidentPage"})


def backup_models():
    """The models a backup holds, in load order: users and groups, then both apps (history last)."""
    ordered = [Group, get_user_model()]
    for label in APPS:
        models = [m for m in apps.get_app_config(label).get_models() if m._meta.label not in DERIVED]
        ordered += [m for m in models if not m.__name__.startswith("Historical")]
        ordered += [m for m in models if m.__name__.startswith("Historical")]
    return ordered


def _natural(model):
    return model in (Group, get_user_model())


def _open(path, mode):
    if str(path) == "-":
        raise BackupError(_("Give a file name."))
    if str(path).endswith(".gz"):
        return io.TextIOWrapper(gzip.open(path, mode + "b"), encoding="utf-8")
    return open(path, mode, encoding="utf-8")


def backup_export(*, path, using=DEFAULT_DB_ALIAS):
    """Write every record to `path` (gzip when it ends in .gz). Returns {model label: count}."""
    counts = {}
    with transaction.atomic(using=using), _open(path, "w") as out:
        models = backup_models()
        for model in models:
            counts[model._meta.label] = model._default_manager.using(using).count()
        header = {
            "format": FORMAT,
            "version": FORMAT_VERSION,
            "exported_at": timezone.now().isoformat(),
            "counts": counts,
        }
        out.write(json.dumps(header, ensure_ascii=False) + "\n")
        for model in models:
            # Generated columns (the search vector) are the database's to recompute, not records.
            generated = [f.name for f in model._meta.concrete_fields if f.generated]
            queryset = model._default_manager.using(using).order_by("pk")
            if _natural(model):
                queryset = queryset.prefetch_related(*[f.name for f in model._meta.many_to_many])
                rows = serializers.serialize(
                    "python",
                    queryset,
                    use_natural_foreign_keys=True,
                    use_natural_primary_keys=model is Group,
                )
            else:
                rows = serializers.serialize("python", queryset.iterator(chunk_size=2000))
            for row in rows:
                for name in generated:
                    del row["fields"][name]
                out.write(json.dumps(row, cls=_Encoder, ensure_ascii=False) + "\n")
    return counts


def backup_is_empty(*, using=DEFAULT_DB_ALIAS):
    """True when the database holds no user and no record of the two apps (groups come from migrations)."""
    return not any(m._default_manager.using(using).exists() for m in backup_models() if m is not Group)


def backup_wipe(*, using=DEFAULT_DB_ALIAS):
    """Delete every record a backup holds (not groups). Used by `import_all --replace` and the tests."""
    with transaction.atomic(using=using):
        for model in reversed(backup_models()):
            if model in (Group, get_user_model()):
                continue
            model._default_manager.using(using).all()._raw_delete(using)
        get_user_model()._default_manager.using(using).all().delete()  # cascades to logs, sessions data


def backup_import(*, path, using=DEFAULT_DB_ALIAS, replace=False):
    """Load a backup into an empty database (or wipe it first with replace=True). Returns the counts."""
    with _open(path, "r") as stream:
        first = stream.readline()
        try:
            header = json.loads(first)
        except json.JSONDecodeError:
            header = None
        if not isinstance(header, dict) or header.get("format") != FORMAT:
            raise BackupError(_("%(path)s is not a Marsad backup (no header line).") % {"path": path})
        if header.get("version") != FORMAT_VERSION:
            raise BackupError(_("Unsupported backup version %(version)s.") % {"version": header.get("version")})
        known = {m._meta.label for m in backup_models()}
        unknown = sorted(set(header["counts"]) - known)
        if unknown:
            raise BackupError(_("The backup holds models this version does not know: %(models)s.") % {"models": ", ".join(unknown)})
        with transaction.atomic(using=using):
            if replace:
                backup_wipe(using=using)
            elif not backup_is_empty(using=using):
                raise BackupError(_("The database is not empty: import into a freshly migrated database, or use --replace."))
            deferred = []
            for number, line in enumerate(stream, start=2):
                if not line.strip():
                    continue
                try:
                    row = json.loads(line)
                    for obj in serializers.deserialize("python", [row], using=using, handle_forward_references=True):
                        obj.save(using=using)
                        if obj.deferred_fields:
                            deferred.append(obj)
                except Exception as exc:
                    raise BackupError(_("Line %(line)s: %(error)s") % {"line": number, "error": exc}) from exc
            for obj in deferred:
                obj.save_deferred_fields(using=using)
            _reset_sequences(using)
            counts = {m._meta.label: m._default_manager.using(using).count() for m in backup_models()}
            expected = {label: n for label, n in header["counts"].items()}
            wrong = {label: (n, counts.get(label)) for label, n in expected.items() if label != "auth.Group" and counts.get(label) != n}
            if wrong:
                raise BackupError(_("Counts differ after import (expected, found): %(wrong)s") % {"wrong": wrong})
            connections[using].check_constraints()
    return counts


def _reset_sequences(using):
    connection = connections[using]
    statements = connection.ops.sequence_reset_sql(no_style(), backup_models())
    with connection.cursor() as cursor:
        for sql in statements:
            cursor.execute(sql)


def default_filename():
    return f"marsad-{datetime.datetime.now(tz=datetime.UTC):%Y%m%d-%H%M%S}.jsonl.gz"
