"""Search indexes for the public site: full text and trigrams over the normalised search text.

PostgreSQL only (GIN, pg_trgm); on SQLite the search falls back to substring matching.
"""

from django.db import migrations

FORWARD = [
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    # Same expression as SearchVector("search_text", config="simple") so the planner uses the index.
    "CREATE INDEX IF NOT EXISTS incident_search_fts ON incidents_incident "
    "USING gin (to_tsvector('simple'::regconfig, COALESCE(search_text, ''::text)))",
    "CREATE INDEX IF NOT EXISTS incident_search_trgm ON incidents_incident USING gin (search_text gin_trgm_ops)",
]
BACKWARD = [
    "DROP INDEX IF EXISTS incident_search_trgm",
    "DROP INDEX IF EXISTS incident_search_fts",
]


def forward(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for statement in FORWARD:
        schema_editor.execute(statement)


def backward(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for statement in BACKWARD:
        schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [("incidents", "0002_roles")]

    operations = [migrations.RunPython(forward, backward)]
