"""Search through the ORM: the stored tsvector and the two GIN indexes become model state.

Migrations 0003 and 0005 created the column and the indexes with raw SQL that Django did not know
about; this drops them (PostgreSQL only, they never existed on SQLite) and adds them back as
`Incident.search_vector` (a GeneratedField) and `Meta.indexes`, with the same names and definitions.
"""

import django.contrib.postgres.indexes
import django.contrib.postgres.search
from django.db import migrations, models

import incidents.models

RAW_FORWARD = [
    "DROP INDEX IF EXISTS incident_search_trgm",
    "DROP INDEX IF EXISTS incident_search_vector",
    "ALTER TABLE incidents_incident DROP COLUMN IF EXISTS search_vector",
]
RAW_BACKWARD = [  # what 0003 and 0005 left, for a migration back to 0007
    "ALTER TABLE incidents_incident ADD COLUMN IF NOT EXISTS search_vector tsvector "
    "GENERATED ALWAYS AS (to_tsvector('simple'::regconfig, COALESCE(search_text, ''::text))) STORED",
    "CREATE INDEX IF NOT EXISTS incident_search_vector ON incidents_incident USING gin (search_vector)",
    "CREATE INDEX IF NOT EXISTS incident_search_trgm ON incidents_incident USING gin (search_text gin_trgm_ops)",
]


def _run(statements):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor != "postgresql":
            return
        for statement in statements:
            schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [("incidents", "0009_pending_sources")]

    operations = [
        migrations.RunPython(_run(RAW_FORWARD), _run(RAW_BACKWARD)),
        migrations.AddField(
            model_name="incident",
            name="search_vector",
            field=models.GeneratedField(
                db_persist=True,
                expression=incidents.models.SimpleSearchVector("search_text", config="simple"),
                output_field=django.contrib.postgres.search.SearchVectorField(null=True),
            ),
        ),
        migrations.AddIndex(
            model_name="incident",
            index=incidents.models.SearchGinIndex(fields=["search_vector"], name="incident_search_vector"),
        ),
        migrations.AddIndex(
            model_name="incident",
            index=incidents.models.SearchGinIndex(
                django.contrib.postgres.indexes.OpClass("search_text", name="gin_trgm_ops"), name="incident_search_trgm"
            ),
        ),
    ]
