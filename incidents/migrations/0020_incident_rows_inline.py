"""Keep an incident's row, its search vector with it, in the table's own pages (PostgreSQL).

Rows of up to 2 kB is PostgreSQL's default: longer ones have their largest values compressed and, if
still too long, moved out to the TOAST table. An incident's folded search text and its vector
(≈ 1.2 kB and 1.9 kB at the bench's million) made almost every row too long, so every vector a
search tested was fetched from TOAST: three or four more pages per row tested (the TOAST index, then
its table). With toast_tuple_target at its maximum a row stays whole unless it fills a page.

This sets the option; rows written from now on follow it. Rows already stored move back in only
when the table is rewritten: `VACUUM (FULL, ANALYZE) incidents_incident` once (it locks the table:
32 s at 100k incidents, 7 min 54 s at a million, then a plain VACUUM; docs/scaling.md).
"""

from django.db import migrations


def inline(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("ALTER TABLE incidents_incident SET (toast_tuple_target = 8160)")


def default(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("ALTER TABLE incidents_incident RESET (toast_tuple_target)")


class Migration(migrations.Migration):
    dependencies = [("incidents", "0019_place_index_killed")]

    operations = [migrations.RunPython(inline, default, elidable=False)]
