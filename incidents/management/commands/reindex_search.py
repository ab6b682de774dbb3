"""Recompute every incident's search text (after a change to what search_document indexes).

python manage.py reindex_search
python manage.py reindex_search --merge-survivors   # only the incidents others were merged into (their old codes)
"""

from django.core.management.base import BaseCommand

from incidents.models import Incident
from incidents.services import incident_refresh_search


class Command(BaseCommand):
    help = "Recompute the normalised search text of every incident (or only of those others were merged into)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--merge-survivors", action="store_true", help="Only incidents others were merged into, so that their old codes find them."
        )

    def handle(self, *args, merge_survivors=False, **options):
        incidents = Incident.objects.all()
        if merge_survivors:
            incidents = incidents.filter(pk__in=Incident.objects.filter(merged_into__isnull=False).values("merged_into"))
        count = 0
        for incident in incidents.select_related("place").defer("search_vector").iterator(chunk_size=500):
            incident_refresh_search(incident=incident)
            count += 1
        self.stdout.write(f"reindexed {count} incidents")
