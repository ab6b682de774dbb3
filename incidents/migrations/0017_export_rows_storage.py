# The date index carries the version (an export in date order reads it from the index alone), and on
# PostgreSQL the stored JSON record goes to the TOAST table once a row passes 128 bytes, while the CSV
# line and the geometry stay in the main table (STORAGE MAIN): a CSV export then reads ≈ 0.6 kB a row,
# not ≈ 2 kB (docs/scaling.md). Existing rows move on their next rebuild (manage.py export_rows).

from django.db import migrations, models

STORAGE = (
    "ALTER TABLE incidents_exportrow ALTER COLUMN csv SET STORAGE MAIN, ALTER COLUMN geometry SET STORAGE MAIN, "
    "ALTER COLUMN record SET STORAGE EXTENDED, SET (toast_tuple_target = 128)"
)
STORAGE_UNDONE = (
    "ALTER TABLE incidents_exportrow ALTER COLUMN csv SET STORAGE EXTENDED, ALTER COLUMN geometry SET STORAGE EXTENDED, "
    "RESET (toast_tuple_target)"
)


def _on_postgresql(sql):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute(sql)

    return run


class Migration(migrations.Migration):
    dependencies = [
        ("incidents", "0016_export_rows"),
    ]

    operations = [
        migrations.RemoveIndex(
            model_name="incident",
            name="incident_public_date",
        ),
        migrations.AddIndex(
            model_name="incident",
            index=models.Index(
                condition=models.Q(("status__in", ["published", "retracted"])),
                fields=["-date_start", "-id"],
                include=("version",),
                name="incident_public_date",
            ),
        ),
        migrations.RunPython(_on_postgresql(STORAGE), _on_postgresql(STORAGE_UNDONE)),
    ]
