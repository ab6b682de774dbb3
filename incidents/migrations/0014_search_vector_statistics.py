"""Finer statistics on the search vector (PostgreSQL): with the default target the planner thought a
word found in one incident in a thousand was four times commoner, walked the date index testing every
row and took 350 ms at a million incidents; with these it reads the word's rows from the GIN index
and sorts them (10 ms). Measured in docs/scaling.md."""

from django.db import migrations

TARGET = 1000


def _set(target):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor != "postgresql":
            return
        table = schema_editor.quote_name(apps.get_model("incidents", "Incident")._meta.db_table)
        schema_editor.execute(f"ALTER TABLE {table} ALTER COLUMN search_vector SET STATISTICS {int(target)}")

    return run


class Migration(migrations.Migration):
    dependencies = [("incidents", "0013_public_list_indexes")]

    operations = [migrations.RunPython(_set(TARGET), _set(-1), elidable=False)]
