"""Build the exports' stored rows of every public incident (after a deploy of this feature, a bulk
load or a restore; afterwards saves keep them current).

python manage.py export_rows            # every public incident
python manage.py export_rows --missing  # only those without a row of their current version
"""

import time

from django.core.management.base import BaseCommand

from incidents.stored_rows import export_rows_rebuild


class Command(BaseCommand):
    help = "Build the stored CSV/JSON/GeoJSON rows of the public incidents."

    def add_arguments(self, parser):
        parser.add_argument("--missing", action="store_true", help="only incidents without a current stored row")

    def handle(self, *args, **options):
        started = time.monotonic()

        def progress(done, total):
            if done % 100_000 < 2000 or done == total:
                self.stdout.write(f"  {done} / {total} rows")

        count = export_rows_rebuild(only_missing=options["missing"], progress=progress)
        self.stdout.write(f"stored {count} export rows in {time.monotonic() - started:.1f} s")
